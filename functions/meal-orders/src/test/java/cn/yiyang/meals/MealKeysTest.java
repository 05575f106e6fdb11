package cn.yiyang.meals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stored key layout: items already written are found again only while these keys stay as they are. */
class MealKeysTest {

    static Stream<Arguments> keys() {
        LocalDate day = LocalDate.of(2026, 3, 9);
        return Stream.of(
                Arguments.of(MealKeys.pointPk("330105", "p1"), "P#330105#p1"),
                Arguments.of(MealKeys.POINT_SK, "POINT"),
                Arguments.of(MealKeys.menuSk(day), "MENU#2026-03-09"),
                Arguments.of(MealKeys.seatsSk(day, Slot.DINNER, Mode.DELIVERY), "SEATS#2026-03-09#DINNER#DELIVERY"),
                Arguments.of(MealKeys.pointsOfCountyPk("330105"), "POINTS#330105"),
                Arguments.of(MealKeys.policyPk("330105"), "POLICY#330105"),
                Arguments.of(MealKeys.policyVersionSk(12), "V#0000000012"),
                Arguments.of(MealKeys.POLICY_CURRENT_SK, "CURRENT"),
                Arguments.of(MealKeys.orderPk("330105", "o1"), "O#330105#o1"),
                Arguments.of(MealKeys.ORDER_SK, "ORDER"),
                Arguments.of(MealKeys.ordersOfResidentPk("330105", "r1"), "R#330105#r1"),
                Arguments.of(MealKeys.ordersOfResidentSk(day, Slot.LUNCH, "o1"), "2026-03-09#LUNCH#o1"),
                Arguments.of(MealKeys.ordersOfDayPk("330105", "p1", day), "D#330105#p1#2026-03-09"),
                Arguments.of(MealKeys.ordersOfDaySk(Slot.LUNCH, "o1"), "LUNCH#o1"),
                Arguments.of(MealKeys.claimsPk("330105", "r1"), "C#330105#r1"),
                Arguments.of(MealKeys.subsidyClaimSk(day, Slot.LUNCH), "2026-03-09#LUNCH"),
                Arguments.of(MealKeys.weekCapSk(day), "W#2026-11"),
                Arguments.of(MealKeys.monthCapSk(day), "M#2026-03"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("keys")
    void eachKey_isSpelledAsStored(String key, String stored) {
        assertThat(key).isEqualTo(stored);
    }

    @Test
    void theWeekCap_followsTheIsoWeek_acrossTheTurnOfTheYear() {
        assertThat(MealKeys.weekCapSk(LocalDate.of(2026, 12, 31))).isEqualTo("W#2026-53");
        assertThat(MealKeys.weekCapSk(LocalDate.of(2027, 1, 3))).as("Sunday of the same ISO week").isEqualTo("W#2026-53");
        assertThat(MealKeys.weekCapSk(LocalDate.of(2027, 1, 4))).isEqualTo("W#2027-1");
    }

    @Test
    void aResidentsMonthOfOrders_isAPrefixOfTheirOrdersSortKeys() {
        assertThat(MealKeys.ordersOfResidentSk(LocalDate.of(2026, 3, 31), Slot.DINNER, "o9")).startsWith("2026-03");
        assertThat(MealKeys.ordersOfResidentSk(LocalDate.of(2026, 4, 1), Slot.LUNCH, "o9")).doesNotStartWith("2026-03");
    }

    @Test
    void thePartsFundLinesReads_areTheSettlementFeedsOwn() {
        assertThat(MealKeys.pointPk("330105", "p1")).isEqualTo(MealSettlementFeed.pointPk("330105", "p1"));
        assertThat(MealKeys.POINT_SK).isEqualTo(MealSettlementFeed.POINT_SK);
    }
}
