package cn.yiyang.meals.days;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import cn.yiyang.meals.orders.MealOrder;
import cn.yiyang.meals.orders.OrderStatus;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import cn.yiyang.meals.points.SlotRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canteen's day from its orders: what to cook, what to deliver, and the money. */
class KitchenDayTallyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 9);
    private static final MealPoint POINT = new MealPoint("p1", "330105", "文三社区助餐点", "文三路 88 号", "330105001",
            "西湖颐乐餐饮", Set.of(DayOfWeek.MONDAY), Map.of(
                    Slot.LUNCH, new SlotRule(LocalTime.of(9, 30), LocalTime.of(13, 0), 10, 10),
                    Slot.DINNER, new SlotRule(LocalTime.of(15, 30), LocalTime.of(19, 0), 10, 0)), null);
    private static final MealOrder.Line FISH = new MealOrder.Line("A1", "红烧鱼套餐", 1, 1200, 1200);
    private static final MealOrder.Line GREENS = new MealOrder.Line("B2", "素菜套餐", 1, 800, 800);

    private static int next;

    private static MealOrder order(Slot slot, Mode mode, OrderStatus status, long subsidyFen, MealOrder.Line... lines) {
        long price = List.of(lines).stream().mapToLong(MealOrder.Line::amountFen).sum();
        return new MealOrder("o" + ++next, "330105", "r" + next, "陈阿婆", "138****5678", "p1", DAY, slot, mode,
                mode == Mode.DELIVERY ? "文三路 8 号" : null, List.of(lines), price, subsidyFen, price - subsidyFen, 1,
                false, false, "K7M2QX", status, null, "operator-7", null, null, null);
    }

    @Test
    void portions_countEveryOrderNotCancelled_andDeliveriesListTheDoorsToGoTo() {
        List<MealOrder> orders = List.of(
                order(Slot.LUNCH, Mode.DINE_IN, OrderStatus.PLACED, 500, FISH, FISH),
                order(Slot.LUNCH, Mode.DELIVERY, OrderStatus.PLACED, 300, GREENS),
                order(Slot.LUNCH, Mode.DINE_IN, OrderStatus.CANCELLED, 800, FISH),
                order(Slot.DINNER, Mode.DINE_IN, OrderStatus.PLACED, 0, GREENS));

        KitchenDay day = KitchenDayTally.of(POINT, DAY, orders);

        KitchenDay.SlotDay lunch = day.slots().get(Slot.LUNCH);
        assertThat(lunch.portionsByDish()).containsExactly(entry("A1 红烧鱼套餐", 2), entry("B2 素菜套餐", 1));
        assertThat(lunch.ordered()).isEqualTo(3);
        assertThat(lunch.cancelled()).isEqualTo(1);
        assertThat(lunch.deliveries()).extracting(KitchenDay.Delivery::orderId).containsExactly(orders.get(1).id());
        assertThat(lunch.deliveries().get(0).phoneMasked()).isEqualTo("138****5678");
        assertThat(day.slots().get(Slot.DINNER).portionsByDish()).containsExactly(entry("B2 素菜套餐", 1));
    }

    @Test
    void theMoney_leavesCancelledOrdersOut_andServedSubsidyCountsOnlyWhatWasServed() {
        List<MealOrder> orders = List.of(
                order(Slot.LUNCH, Mode.DINE_IN, OrderStatus.SERVED, 500, FISH),
                order(Slot.LUNCH, Mode.DELIVERY, OrderStatus.DELIVERED, 300, GREENS),
                order(Slot.LUNCH, Mode.DINE_IN, OrderStatus.NO_SHOW, 800, FISH),
                order(Slot.LUNCH, Mode.DINE_IN, OrderStatus.CANCELLED, 600, FISH),
                order(Slot.DINNER, Mode.DINE_IN, OrderStatus.PLACED, 200, GREENS));

        KitchenDay day = KitchenDayTally.of(POINT, DAY, orders);

        assertThat(day.totals()).isEqualTo(new KitchenDay.Totals(1200 + 800 + 1200 + 800, 500 + 300 + 800 + 200,
                700 + 500 + 400 + 600, 500 + 300, 2, 1));
        KitchenDay.SlotDay lunch = day.slots().get(Slot.LUNCH);
        assertThat(List.of(lunch.served(), lunch.delivered(), lunch.noShows(), lunch.cancelled())).containsExactly(1, 1, 1, 1);
    }

    @Test
    void aDayWithoutOrders_showsEverySlotOfThePoint_empty() {
        KitchenDay day = KitchenDayTally.of(POINT, DAY, List.of());

        assertThat(day.slots()).containsOnlyKeys(Slot.LUNCH, Slot.DINNER);
        assertThat(day.slots().get(Slot.LUNCH).ordered()).isZero();
        assertThat(day.totals()).isEqualTo(new KitchenDay.Totals(0, 0, 0, 0, 0, 0));
    }
}
