package cn.yiyang.meals.days;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.meals.orders.MealOrder;
import cn.yiyang.meals.points.Slot;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the canteen sees for one day: per slot, dishes to cook, the counter's dine-in list and the delivery list
 * (each order with the id its serve and no-show take: one click each), and the money.
 */
@RegisterForReflection
public record KitchenDay(String mealPointId, LocalDate date, Map<Slot, SlotDay> slots, Totals totals) {

    @RegisterForReflection
    public record SlotDay(Map<String, Integer> portionsByDish, int ordered, int cancelled, int served, int delivered,
                          int noShows, List<Delivery> deliveries, List<DineIn> dineIn) {
    }

    /** A dine-in order at the counter: who, the code they read out, what to hand over. */
    @RegisterForReflection
    public record DineIn(String orderId, String confirmationCode, String residentName, List<MealOrder.Line> items,
                         String status) {
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
