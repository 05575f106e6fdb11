package cn.yiyang.meals.points;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.meals.Outcome;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a meal point must be to be registered in the caller's county, input → field codes. */
class MealPointRulesTest {

    private static final SlotRule LUNCH = new SlotRule(LocalTime.of(9, 30), LocalTime.of(13, 0), 40, 10);

    private static MealPointRequests.Create point(String name, String streetCode, Map<Slot, SlotRule> slots) {
        return new MealPointRequests.Create(name, "文三路 88 号", streetCode, "西湖颐乐餐饮", Set.of(DayOfWeek.MONDAY), slots);
    }

    static Stream<Arguments> points() {
        return Stream.of(
                Arguments.of("a whole point", point("文三社区助餐点", "330105001", Map.of(Slot.LUNCH, LUNCH)), Outcome.OK),
                Arguments.of("a name of 100 characters, 𠮷 counted once", point("𠮷".repeat(100), "330105001",
                        Map.of(Slot.LUNCH, LUNCH)), Outcome.OK),
                Arguments.of("a name of 101 characters", point("餐".repeat(101), "330105001", Map.of(Slot.LUNCH, LUNCH)),
                        Outcome.refused("VALIDATION_FAILED", "name:REQUIRED")),
                Arguments.of("a blank name", point(" ", "330105001", Map.of(Slot.LUNCH, LUNCH)),
                        Outcome.refused("VALIDATION_FAILED", "name:REQUIRED")),
                Arguments.of("a street of another county", point("文三社区助餐点", "320303001", Map.of(Slot.LUNCH, LUNCH)),
                        Outcome.refused("VALIDATION_FAILED", "streetCode:BAD_STREET_CODE")),
                Arguments.of("a street code of 8 digits", point("文三社区助餐点", "33010500", Map.of(Slot.LUNCH, LUNCH)),
                        Outcome.refused("VALIDATION_FAILED", "streetCode:BAD_STREET_CODE")),
                Arguments.of("no slots", point("文三社区助餐点", "330105001", Map.of()),
                        Outcome.refused("VALIDATION_FAILED", "slots:REQUIRED")),
                Arguments.of("a cut-off at the slot's end", point("文三社区助餐点", "330105001", Map.of(Slot.LUNCH,
                        new SlotRule(LocalTime.of(13, 0), LocalTime.of(13, 0), 10, 0))),
                        Outcome.refused("VALIDATION_FAILED", "slots.LUNCH:BAD_TIMES")),
                Arguments.of("no seats at all", point("文三社区助餐点", "330105001", Map.of(Slot.DINNER,
                        new SlotRule(LocalTime.of(15, 30), LocalTime.of(19, 0), 0, 0))),
                        Outcome.refused("VALIDATION_FAILED", "slots.DINNER:BAD_SEATS")),
                Arguments.of("5,001 seats", point("文三社区助餐点", "330105001", Map.of(Slot.LUNCH,
                        new SlotRule(LocalTime.of(9, 30), LocalTime.of(13, 0), 5_001, 0))),
                        Outcome.refused("VALIDATION_FAILED", "slots.LUNCH:BAD_SEATS")),
                Arguments.of("delivery only", point("文三社区助餐点", "330105001", Map.of(Slot.LUNCH,
                        new SlotRule(LocalTime.of(9, 30), LocalTime.of(13, 0), 0, 5_000))), Outcome.OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("points")
    void aPoint_isCheckedFieldByField(String name, MealPointRequests.Create request, Outcome expected) {
        assertThat(Outcome.of(() -> MealPointRules.check(request, "330105"))).isEqualTo(expected);
    }
}
