package cn.yiyang.meals.days;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.MealTable;
import cn.yiyang.meals.menus.MenuService;
import cn.yiyang.meals.orders.MealOrder;
import cn.yiyang.meals.orders.OrderStatus;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.MealPointService;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import cn.yiyang.stores.settlements.MealSettlement;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The canteen's day, built from the day's orders; and the per-day settlement figures. */
@ApplicationScoped
public class KitchenDayService {

    private final MealStore store;
    private final MealPointService points;
    private final MealSettlementFeed feed;

    public KitchenDayService(MealStore store, MealPointService points) {
        this.store = store;
        this.points = points;
        this.feed = new MealSettlementFeed(store.client(), store.table());
    }

    public Reply day(Call call) {
        MealPoint point = points.find(call.county(), call.pathParam("id"));
        LocalDate date = MenuService.date(call.pathParam("date"));
        List<MealOrder> orders = store.query(MealTable.BY_DAY, "D#" + call.county() + "#" + point.id() + "#" + date, null).stream()
                .map(item -> MealStore.document(item, MealOrder.class)).toList();
        Map<Slot, KitchenDay.SlotDay> slots = new EnumMap<>(Slot.class);
        long price = 0;
        long subsidy = 0;
        long pay = 0;
        long servedSubsidy = 0;
        int servedMeals = 0;
        int noShows = 0;
        for (Slot slot : point.slots().keySet()) {
            Map<String, Integer> portions = new TreeMap<>();
            List<KitchenDay.Delivery> deliveries = new ArrayList<>();
            int ordered = 0;
            int cancelled = 0;
            int served = 0;
            int delivered = 0;
            int missed = 0;
            for (MealOrder o : orders) {
                if (o.slot() != slot) {
                    continue;
                }
                ordered++;
                if (o.status() == OrderStatus.CANCELLED) {
                    cancelled++;
                    continue;
                }
                o.items().forEach(line -> portions.merge(line.dishCode() + " " + line.dishName(), line.quantity(), Integer::sum));
                price += o.priceFen();
                subsidy += o.subsidyFen();
                pay += o.payFen();
                switch (o.status()) {
                    case SERVED -> served++;
                    case DELIVERED -> delivered++;
                    case NO_SHOW -> missed++;
                    default -> { }
                }
                if (o.status() == OrderStatus.SERVED || o.status() == OrderStatus.DELIVERED) {
                    servedSubsidy += o.subsidyFen();
                }
                if (o.mode() == Mode.DELIVERY) {
                    deliveries.add(new KitchenDay.Delivery(o.id(), o.confirmationCode(), o.residentName(), o.phoneMasked(),
                            o.deliveryAddress(), o.items(), o.status().name()));
                }
            }
            servedMeals += served + delivered;
            noShows += missed;
            slots.put(slot, new KitchenDay.SlotDay(portions, ordered, cancelled, served, delivered, missed, deliveries));
        }
        return Reply.ok(new KitchenDay(point.id(), date, slots,
                new KitchenDay.Totals(price, subsidy, pay, servedSubsidy, servedMeals, noShows)));
    }

    public Reply settlements(Call call) {
        LocalDate date = MenuService.date(call.requiredQueryParam("date"));
        List<MealSettlement> items = feed.day(call.county(), date);
        return Reply.ok(Map.of("date", date.toString(), "items", items));
    }
}
