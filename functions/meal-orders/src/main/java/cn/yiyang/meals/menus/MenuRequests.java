package cn.yiyang.meals.menus;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The menu routes' requests beyond {@link cn.yiyang.meals.points.MealPointRequests.PointDay}. */
public final class MenuRequests {

    private MenuRequests() {
    }

    /** {@code PUT /v1/meal-points/{id}/menus/{date}}: the day's whole menu, replacing any before it. */
    @RegisterForReflection
    public record Publish(String id, String date, List<Dish> dishes) {
    }
}
