package cn.yiyang.meals.days;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The day routes' requests beyond {@link cn.yiyang.meals.points.MealPointRequests.PointDay}. */
public final class DayRequests {

    private DayRequests() {
    }

    /** {@code GET /v1/meal-settlements?date=}: the date is required. */
    @RegisterForReflection
    public record Settlements(String date) {
    }
}
