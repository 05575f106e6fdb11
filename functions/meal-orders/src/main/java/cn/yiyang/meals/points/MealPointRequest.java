package cn.yiyang.meals.points;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

@RegisterForReflection
public record MealPointRequest(String name, String address, String streetCode, String operatorName,
                               Set<DayOfWeek> openDays, Map<Slot, SlotRule> slots) {
}
