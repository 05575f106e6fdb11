package cn.yiyang.meals.points;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

/** The meal-point routes' requests: path, query and body in one record each. */
public final class MealPointRequests {

    private MealPointRequests() {
    }

    /** {@code POST /v1/meal-points}: an officer registers a point of their county. */
    @RegisterForReflection
    public record Create(@Text(maxChars = MealPointRules.TEXT_CHARS_MAX) String name,
                         @Text(maxChars = MealPointRules.TEXT_CHARS_MAX) String address,
                         String streetCode,
                         @Text(maxChars = MealPointRules.TEXT_CHARS_MAX) String operatorName,
                         Set<DayOfWeek> openDays, Map<Slot, SlotRule> slots) {
    }

    /** One day of one point, both from the path: {@code /v1/meal-points/{id}/menus/{date}}, {@code …/days/{date}}. */
    @RegisterForReflection
    public record PointDay(String id, String date) {
    }
}
