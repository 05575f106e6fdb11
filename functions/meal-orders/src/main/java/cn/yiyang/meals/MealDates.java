package cn.yiyang.meals;

import cn.yiyang.kernel.problem.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Dates and months as the meal routes take them in paths and queries, with their field codes. */
public final class MealDates {

    private static final Pattern MONTH = Pattern.compile("20[0-9]{2}-(0[1-9]|1[0-2])");

    private MealDates() {
    }

    /** A {@code YYYY-MM-DD} date; anything else is a 400 naming the field {@code date}. */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "BAD_DATE", "A date YYYY-MM-DD");
        }
    }

    /** A {@code YYYY-MM} month of this century, as the prefix of the dates in it. */
    public static String month(String text) {
        if (!MONTH.matcher(text).matches()) {
            throw ApiException.invalid("month", "BAD_MONTH", "A month YYYY-MM");
        }
        return text;
    }
}
