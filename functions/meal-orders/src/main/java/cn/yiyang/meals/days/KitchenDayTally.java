package cn.yiyang.meals.days;

import cn.yiyang.meals.orders.MealOrder;
import cn.yiyang.meals.orders.OrderStatus;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canteen's day from the day's orders, without the store: per slot the portions to cook, the
 * counter's dine-in list and the delivery list (cancelled orders counted, never cooked), and the day's money. Served subsidy
 * counts served and delivered meals only: it is what settlement pays.
 */
public final class KitchenDayTally {

    private KitchenDayTally() {
    }

    public static KitchenDay of(MealPoint point, LocalDate date, List<MealOrder> orders) {
        Map<Slot, KitchenDay.SlotDay> slots = new EnumMap<>(Slot.class);
        for (Slot slot : point.slots().keySet()) {
            slots.put(slot, slotDay(orders.stream().filter(o -> o.slot() == slot).toList()));
        }
        long price = 0;
        long subsidy = 0;
        long pay = 0;
        long servedSubsidy = 0;
        for (MealOrder o : orders) {
            if (o.status() == OrderStatus.CANCELLED || !slots.containsKey(o.slot())) {
                continue;
            }
            price += o.priceFen();
            subsidy += o.subsidyFen();
            pay += o.payFen();
            if (isServed(o)) {
                servedSubsidy += o.subsidyFen();
            }
        }
        int servedMeals = slots.values().stream().mapToInt(s -> s.served() + s.delivered()).sum();
        int noShows = slots.values().stream().mapToInt(KitchenDay.SlotDay::noShows).sum();
        return new KitchenDay(point.id(), date, slots,
                new KitchenDay.Totals(price, subsidy, pay, servedSubsidy, servedMeals, noShows));
    }

    private static KitchenDay.SlotDay slotDay(List<MealOrder> orders) {
        Map<String, Integer> portions = new TreeMap<>();
        List<KitchenDay.Delivery> deliveries = new ArrayList<>();
        List<KitchenDay.DineIn> dineIn = new ArrayList<>();
        Map<OrderStatus, Integer> counts = new EnumMap<>(OrderStatus.class);
        for (MealOrder o : orders) {
            counts.merge(o.status(), 1, Integer::sum);
            if (o.status() == OrderStatus.CANCELLED) {
                continue;
            }
            o.items().forEach(line -> portions.merge(line.dishCode() + " " + line.dishName(), line.quantity(), Integer::sum));
            if (o.mode() == Mode.DELIVERY) {
                deliveries.add(new KitchenDay.Delivery(o.id(), o.confirmationCode(), o.residentName(), o.phoneMasked(),
                        o.deliveryAddress(), o.items(), o.status().name()));
            } else {
                dineIn.add(new KitchenDay.DineIn(o.id(), o.confirmationCode(), o.residentName(), o.items(),
                        o.status().name()));
            }
        }
        return new KitchenDay.SlotDay(portions, orders.size(), counts.getOrDefault(OrderStatus.CANCELLED, 0), counts.getOrDefault(OrderStatus.SERVED, 0),
                counts.getOrDefault(OrderStatus.DELIVERED, 0), counts.getOrDefault(OrderStatus.NO_SHOW, 0), deliveries, dineIn);
    }

    private static boolean isServed(MealOrder o) {
        return o.status() == OrderStatus.SERVED || o.status() == OrderStatus.DELIVERED;
    }
}
