package cn.yiyang.stores.settlements;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;

/** One served (or delivered) subsidised meal order behind a (meal point, day) settlement: 笔笔可查 down to the meal. */
@RegisterForReflection
public record ServedMeal(String orderId, String residentId, LocalDate date, long subsidyFen) {
}
