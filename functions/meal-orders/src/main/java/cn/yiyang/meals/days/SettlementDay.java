package cn.yiyang.meals.days;

import cn.yiyang.stores.settlements.MealSettlement;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A day's served subsidised meals per meal point, as the fund lines settle them. */
@RegisterForReflection
public record SettlementDay(String date, List<MealSettlement> items) {
}
