package cn.yiyang.stores.settlements;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;

/**
 * Served meals and their subsidy for one meal point and day: what the county owes the point's
 * operator. {@code settlementKey} names the (point, day) pair; a settlement pays each key at most once.
 */
@RegisterForReflection
public record MealSettlement(String settlementKey, String mealPointId, String mealPointName, String operatorName,
                             LocalDate date, long servedMeals, long subsidisedMeals, long subsidyFen, long payFen,
                             long noShows) {
}
