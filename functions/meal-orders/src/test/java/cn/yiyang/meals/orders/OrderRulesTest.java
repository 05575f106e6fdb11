package cn.yiyang.meals.orders;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.meals.Outcome;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import cn.yiyang.meals.points.SlotRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** When an order may be placed, cancelled, served or marked missed: the county's local time against the slot. */
class OrderRulesTest {

    /** A Monday; lunch closes for orders at 09:30 and ends at 13:00. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);
    private static final SlotRule LUNCH = new SlotRule(LocalTime.of(9, 30), LocalTime.of(13, 0), 10, 0);
    /** Open Monday to Friday, lunch only, no delivery seats. */
    private static final MealPoint WEEKDAYS = new MealPoint("p1", "330105", "文三社区助餐点", "文三路 88 号", "330105001",
            "西湖颐乐餐饮", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Map.of(Slot.LUNCH, LUNCH), null);

    private static OrderRequests.Place order(LocalDate date, Slot slot, Mode mode) {
        return new OrderRequests.Place("r1", "p1", date, slot, mode, null, List.of(new OrderRequests.Item("A1", 1)));
    }

    @ParameterizedTest(name = "cut-off 09:30 on the order''s day, now {0} → {1}")
    @CsvSource({
            "2026-03-08T20:00, OK",
            "2026-03-09T09:29:59, OK",
            "2026-03-09T09:30, MEAL_CUTOFF_PASSED",
            "2026-03-09T12:00, MEAL_CUTOFF_PASSED",
            "2026-03-10T08:00, MEAL_CUTOFF_PASSED"})
    void orderingAndCancelling_closeAtTheCutoff(LocalDateTime now, String expected) {
        assertThat(Outcome.of(() -> OrderRules.requireBeforeCutoff(MONDAY, LUNCH, now)).code()).isEqualTo(expected);
    }

    static Stream<Arguments> orderable() {
        LocalDateTime sundayEvening = MONDAY.minusDays(1).atTime(20, 0);
        return Stream.of(
                Arguments.of("tomorrow's lunch, dine-in", order(MONDAY, Slot.LUNCH, Mode.DINE_IN), sundayEvening, "OK"),
                Arguments.of("a slot the point does not serve", order(MONDAY, Slot.DINNER, Mode.DINE_IN), sundayEvening,
                        "MEAL_SLOT_NOT_SERVED"),
                Arguments.of("yesterday", order(MONDAY.minusDays(2), Slot.LUNCH, Mode.DINE_IN), sundayEvening,
                        "MEAL_DATE_OUT_OF_RANGE"),
                Arguments.of("14 days ahead, a Sunday: in range, so closed answers", order(MONDAY.minusDays(1).plusDays(14), Slot.LUNCH, Mode.DINE_IN),
                        MONDAY.minusDays(1).atTime(8, 0), "MEAL_POINT_CLOSED"),
                Arguments.of("15 days ahead", order(MONDAY.plusDays(14), Slot.LUNCH, Mode.DINE_IN), sundayEvening,
                        "MEAL_DATE_OUT_OF_RANGE"),
                Arguments.of("12 days ahead, a Friday", order(MONDAY.plusDays(11), Slot.LUNCH, Mode.DINE_IN),
                        sundayEvening, "OK"),
                Arguments.of("a Saturday", order(MONDAY.plusDays(5), Slot.LUNCH, Mode.DINE_IN), sundayEvening,
                        "MEAL_POINT_CLOSED"),
                Arguments.of("a Saturday past its cut-off: closed answers first", order(MONDAY.plusDays(5), Slot.LUNCH,
                        Mode.DINE_IN), MONDAY.plusDays(5).atTime(10, 0), "MEAL_POINT_CLOSED"),
                Arguments.of("past the cut-off", order(MONDAY, Slot.LUNCH, Mode.DINE_IN), MONDAY.atTime(9, 30),
                        "MEAL_CUTOFF_PASSED"),
                Arguments.of("delivery where the point has no delivery seats", order(MONDAY, Slot.LUNCH, Mode.DELIVERY),
                        sundayEvening, "MEAL_SOLD_OUT"),
                Arguments.of("delivery past the cut-off: the cut-off answers first", order(MONDAY, Slot.LUNCH,
                        Mode.DELIVERY), MONDAY.atTime(10, 0), "MEAL_CUTOFF_PASSED"));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("orderable")
    void anOrder_isRefusedByTheFirstRuleItBreaks(String name, OrderRequests.Place order, LocalDateTime now, String expected) {
        assertThat(Outcome.of(() -> OrderRules.orderableSlot(WEEKDAYS, order, now)).code()).isEqualTo(expected);
    }

    @Test
    void anOrderableSlot_isThePointsRuleForIt() {
        assertThat(OrderRules.orderableSlot(WEEKDAYS, order(MONDAY, Slot.LUNCH, Mode.DINE_IN), MONDAY.atTime(7, 0)))
                .isEqualTo(LUNCH);
    }

    @ParameterizedTest(name = "slot ends 13:00, now {0} → {1}")
    @CsvSource({
            "2026-03-09T12:59:59, MEAL_SLOT_NOT_OVER",
            "2026-03-09T13:00, OK",
            "2026-03-10T08:00, OK",
            "2026-03-08T14:00, MEAL_SLOT_NOT_OVER"})
    void aNoShow_isKnownOnlyOnceTheSlotHasEnded(LocalDateTime now, String expected) {
        assertThat(Outcome.of(() -> OrderRules.requireSlotOver(MONDAY, LUNCH, now)).code()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "order of 2026-03-09 served on {0} → {1}")
    @CsvSource({"2026-03-09, OK", "2026-03-08, MEAL_NOT_SERVING_DAY", "2026-03-10, MEAL_NOT_SERVING_DAY"})
    void aMeal_isServedOnItsOwnDayOnly(LocalDate today, String expected) {
        assertThat(Outcome.of(() -> OrderRules.requireServingDay(MONDAY, today)).code()).isEqualTo(expected);
    }

    static Stream<Arguments> shapes() {
        OrderRequests.Item one = new OrderRequests.Item("A1", 1);
        return Stream.of(
                Arguments.of("a whole order", place(Mode.DINE_IN, null, List.of(one)), Outcome.OK),
                Arguments.of("delivery to another address", place(Mode.DELIVERY, "文三路 9 号", List.of(one)), Outcome.OK),
                Arguments.of("nothing but items", new OrderRequests.Place("r1", null, null, null, null, null, List.of(one)),
                        Outcome.refused("VALIDATION_FAILED", "mealPointId:REQUIRED", "date:REQUIRED", "slot:REQUIRED",
                                "mode:REQUIRED")),
                Arguments.of("an address for dine-in", place(Mode.DINE_IN, "文三路 9 号", List.of(one)),
                        Outcome.refused("VALIDATION_FAILED", "deliveryAddress:BAD_ADDRESS")),
                Arguments.of("an empty address", place(Mode.DELIVERY, "", List.of(one)),
                        Outcome.refused("VALIDATION_FAILED", "deliveryAddress:BAD_ADDRESS")),
                Arguments.of("an address of 100 characters, 𠮷 counted once", place(Mode.DELIVERY, "𠮷".repeat(100),
                        List.of(one)), Outcome.OK),
                Arguments.of("an address of 101 characters", place(Mode.DELIVERY, "路".repeat(101), List.of(one)),
                        Outcome.refused("VALIDATION_FAILED", "deliveryAddress:BAD_ADDRESS")),
                Arguments.of("no items", place(Mode.DINE_IN, null, List.of()),
                        Outcome.refused("VALIDATION_FAILED", "items:BAD_COUNT")),
                Arguments.of("eleven items", place(Mode.DINE_IN, null, java.util.Collections.nCopies(11, one)),
                        Outcome.refused("VALIDATION_FAILED", "items:BAD_COUNT")),
                Arguments.of("ten items", place(Mode.DINE_IN, null, java.util.Collections.nCopies(10, one)), Outcome.OK),
                Arguments.of("quantities 0 and 6, a blank dish", place(Mode.DINE_IN, null, List.of(
                        new OrderRequests.Item("A1", 0), new OrderRequests.Item("A1", 6), new OrderRequests.Item(" ", 1),
                        new OrderRequests.Item("A1", 5))), Outcome.refused("VALIDATION_FAILED",
                        "items[0].quantity:OUT_OF_RANGE", "items[1].quantity:OUT_OF_RANGE", "items[2].dishCode:REQUIRED")));
    }

    private static OrderRequests.Place place(Mode mode, String address, List<OrderRequests.Item> items) {
        return new OrderRequests.Place("r1", "p1", MONDAY, Slot.LUNCH, mode, address, items);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void anOrdersOwnFields_areCheckedAllAtOnce(String name, OrderRequests.Place order, Outcome expected) {
        assertThat(Outcome.of(() -> OrderRules.checkShape(order))).isEqualTo(expected);
    }
}
