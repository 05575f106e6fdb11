package cn.yiyang.meals.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PLACED → CANCELLED | SERVED | DELIVERED | NO_SHOW, and nothing else, ever. */
class OrderStatusTest {

    private static final Set<OrderStatus> ENDS = EnumSet.of(OrderStatus.CANCELLED, OrderStatus.SERVED,
            OrderStatus.DELIVERED, OrderStatus.NO_SHOW);

    @ParameterizedTest(name = "from {0}")
    @EnumSource(OrderStatus.class)
    void onlyAPlacedOrderMoves_andOnlyToAnEnd(OrderStatus from) {
        for (OrderStatus to : OrderStatus.values()) {
            boolean allowed = from == OrderStatus.PLACED && ENDS.contains(to);
            assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed);
        }
    }

    @Test
    void aMovedOrder_keepsEverythingButItsStatusAndWhoMovedItWhen() {
        MealOrder placed = order(OrderStatus.PLACED);
        OffsetDateTime at = OffsetDateTime.parse("2026-03-09T11:30:00+08:00");

        MealOrder served = placed.moved(OrderStatus.SERVED, at, "canteen-1");

        assertThat(served.status()).isEqualTo(OrderStatus.SERVED);
        assertThat(served.updatedAt()).isEqualTo(at);
        assertThat(served.updatedBy()).isEqualTo("canteen-1");
        assertThat(served).usingRecursiveComparison().ignoringFields("status", "updatedAt", "updatedBy").isEqualTo(placed);
    }

    @Test
    void aMoveTheMachineForbids_isADefect_neverAnOrder() {
        MealOrder cancelled = order(OrderStatus.CANCELLED);

        assertThatThrownBy(() -> cancelled.moved(OrderStatus.SERVED, OffsetDateTime.now(), "canteen-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    private static MealOrder order(OrderStatus status) {
        return new MealOrder("o1", "330105", "r1", "陈阿婆", "138****5678", "p1", LocalDate.of(2026, 3, 9), Slot.LUNCH,
                Mode.DINE_IN, null, List.of(new MealOrder.Line("A1", "红烧鱼套餐", 1, 1200, 1200)), 1200, 500, 700, 1,
                false, false, "K7M2QX", status, Channel.HOTLINE, "operator-7", null, null, null);
    }
}
