package cn.yiyang.meals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MealDatesTest {

    @ParameterizedTest(name = "date {0} → {1}")
    @CsvSource({
            "2026-03-09, OK",
            "2026-02-30, date:BAD_DATE",
            "2026-3-9, date:BAD_DATE",
            "tomorrow, date:BAD_DATE"})
    void aPathOrQueryDate_isADayOrAFieldError(String text, String expected) {
        assertThat(describe(Outcome.of(() -> MealDates.date(text)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "month {0} → {1}")
    @CsvSource({
            "2026-03, OK",
            "2026-12, OK",
            "2026-13, month:BAD_MONTH",
            "2026-3, month:BAD_MONTH",
            "1999-12, month:BAD_MONTH",
            "2026-03-01, month:BAD_MONTH"})
    void aMonth_isYearAndMonthOfThisCentury(String text, String expected) {
        assertThat(describe(Outcome.of(() -> MealDates.month(text)))).isEqualTo(expected);
    }

    private static String describe(Outcome outcome) {
        return outcome.fields().isEmpty() ? outcome.code() : String.join(",", outcome.fields());
    }
}
