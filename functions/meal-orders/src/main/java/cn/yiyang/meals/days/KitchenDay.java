package cn.yiyang.meals.days;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.meals.orders.MealOrder;
import cn.yiyang.meals.points.Slot;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the canteen sees for one day: per slot, dishes to cook, the delivery list, and the money. */
@RegisterForReflection
public record KitchenDay(String mealPointId, LocalDate date, Map<Slot, SlotDay> slots, Totals totals) {

    @RegisterForReflection
    public record SlotDay(Map<String, Integer> portionsByDish, int ordered, int cancelled, int served, int delivered,
                          int noShows, List<Delivery> deliveries) {
    }

    /** A delivery for the driver: who, where, a masked phone to call, the code to read back. */
    @RegisterForReflection
    public record Delivery(String orderId, String confirmationCode, String residentName, @Nullable String phoneMasked,
                           String address, List<MealOrder.Line> items, String status) {
    }

    @RegisterForReflection
    public record Totals(long priceFen, long subsidyFen, long payFen, long servedSubsidyFen, int servedMeals,
                         int noShows) {
    }
}
