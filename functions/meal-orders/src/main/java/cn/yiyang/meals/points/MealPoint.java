package cn.yiyang.meals.points;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/** A meal point (助餐点): where it is, who runs it, when it is open, and its seats per slot. */
@RegisterForReflection
public record MealPoint(String id, String county, String name, String address, String streetCode,
                       String operatorName, Set<DayOfWeek> openDays, Map<Slot, SlotRule> slots,
                       OffsetDateTime createdAt) {

    /** The county's meal points. */
    @RegisterForReflection
    public record Page(java.util.List<MealPoint> items) {
    }
}
