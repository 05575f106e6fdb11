package cn.yiyang.meals.menus;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.meals.Outcome;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A day's menu: which dates, and which dishes, input → the refusal. */
class MenuRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 9);

    @ParameterizedTest(name = "{0} days from today → {1}")
    @CsvSource({"-1, MEAL_DATE_OUT_OF_RANGE", "0, OK", "31, OK", "32, MEAL_DATE_OUT_OF_RANGE"})
    void aMenu_isPublishedFromTodayUpToAMonthAhead(int days, String expected) {
        assertThat(Outcome.of(() -> MenuRules.checkDate(TODAY.plusDays(days), TODAY)).code()).isEqualTo(expected);
    }

    static Stream<Arguments> menus() {
        Dish fish = new Dish("A1", "红烧鱼套餐", 1200);
        return Stream.of(
                Arguments.of("two dishes", List.of(fish, new Dish("B2", "素菜套餐", 800)), Outcome.OK),
                Arguments.of("no dishes", List.of(), Outcome.refused("VALIDATION_FAILED", "dishes:BAD_COUNT")),
                Arguments.of("31 dishes", Collections.nCopies(31, fish), Outcome.refused("VALIDATION_FAILED",
                        "dishes:BAD_COUNT")),
                Arguments.of("the same code twice", List.of(fish, new Dish("A1", "红烧鱼", 1100)),
                        Outcome.refused("VALIDATION_FAILED", "dishes[1].code:BAD_CODE")),
                Arguments.of("a lower-case code", List.of(new Dish("a1", "红烧鱼", 1100)),
                        Outcome.refused("VALIDATION_FAILED", "dishes[0].code:BAD_CODE")),
                Arguments.of("a name of 30 characters, 𠮷 counted once", List.of(new Dish("A1", "𠮷".repeat(30), 1100)),
                        Outcome.OK),
                Arguments.of("a name of 31 characters", List.of(new Dish("A1", "鱼".repeat(31), 1100)),
                        Outcome.refused("VALIDATION_FAILED", "dishes[0].name:BAD_NAME")),
                Arguments.of("a free dish and one above ¥1,000", List.of(new Dish("A1", "鱼", 0), new Dish("B2", "虾", 100_001)),
                        Outcome.refused("VALIDATION_FAILED", "dishes[0].priceFen:BAD_PRICE", "dishes[1].priceFen:BAD_PRICE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("menus")
    void aMenusDishes_areCheckedDishByDish(String name, List<Dish> dishes, Outcome expected) {
        assertThat(Outcome.of(() -> MenuRules.checkDishes(dishes))).isEqualTo(expected);
    }
}
