package cn.yiyang.meals.days;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;

/**
 * Served meals and their subsidy for one meal point and day, as the fund-lines settlement reads
 * them. {@code settlementKey} names the (point, day) pair: settlement pays each key at most once.
 */
@RegisterForReflection
public record MealSettlement(String settlementKey, String mealPointId, LocalDate date, long servedMeals,
                             long subsidisedMeals, long subsidyFen, long payFen, long noShows) {
}
