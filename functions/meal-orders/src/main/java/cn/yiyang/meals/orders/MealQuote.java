package cn.yiyang.meals.orders;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;

/**
 * What an order would cost if placed now, priced by the code placement charges with: each line at the menu's
 * price, the order's price, the subsidy and what the resident pays; with what decided the subsidy (the age on
 * the order's date, the policy version, and the subsidy already used: the slot's one subsidised meal and the
 * week's and month's subsidised meals against the policy's caps, absent when it sets none). A subsidy taken
 * by another order between the quote and the placement is the only way the two can differ.
 */
@RegisterForReflection
public record MealQuote(String residentId, String mealPointId, LocalDate date, Slot slot, Mode mode,
                        List<MealOrder.Line> items, long priceFen, long subsidyFen, long payFen, int policyVersion,
                        int ageOnDate, boolean slotSubsidyTaken, long weekSubsidisedMeals,
                        @Nullable Integer weeklyMealsMax, long monthSubsidisedMeals, @Nullable Integer monthlyMealsMax) {

    static MealQuote of(String residentId, OrderRequests.Place r, PricedOrder priced) {
        return new MealQuote(residentId, priced.point().id(), r.date(), r.slot(), r.mode(), priced.lines(),
                priced.priceFen(), priced.grant().subsidyFen(), priced.payFen(), priced.policy().version(),
                priced.ageOnDate(), priced.use().slotClaimed(), priced.use().weekMeals(), priced.policy().weeklyMealsMax(),
                priced.use().monthMeals(), priced.policy().monthlyMealsMax());
    }
}
