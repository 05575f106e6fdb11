package cn.yiyang.timebank.accounts;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.settings.CountySettings;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** The rules of opening an account and reading its statement, free of any store. */
public final class AccountRules {

    public static final int NAME_CHARS_MAX = 30;
    public static final int STATEMENT_ENTRIES_MAX = 200;
    public static final int CURSOR_CHARS_MAX = 200;
    static final String ENTRY_PREFIX = "E#";

    private AccountRules() {
    }

    /** A volunteer's name: 1 to {@link #NAME_CHARS_MAX} characters. */
    public static String name(String name) {
        if (name == null || name.isBlank() || FreeText.length(name) > NAME_CHARS_MAX) {
            throw ApiException.invalid("name", "REQUIRED", "1 to " + NAME_CHARS_MAX + " characters");
        }
        return name.strip();
    }

    /** Volunteers are within the county's ages, counted in whole years on {@code today}. */
    public static void requireVolunteerAge(LocalDate birthDate, LocalDate today, CountySettings rules) {
        int age = Period.between(birthDate, today).getYears();
        if (age < rules.volunteerAgeMin() || age > rules.volunteerAgeMax()) {
            throw new ApiException(TimeBankProblem.VOLUNTEER_AGE_OUT_OF_RANGE,
                    "Volunteers are " + rules.volunteerAgeMin() + " to " + rules.volunteerAgeMax() + " years old here");
        }
    }

    /** Entries a statement page holds: as asked, 1 to {@link #STATEMENT_ENTRIES_MAX}; all of that when not asked. */
    public static int pageSize(Integer limit) {
        if (limit == null) {
            return STATEMENT_ENTRIES_MAX;
        }
        if (limit < 1 || limit > STATEMENT_ENTRIES_MAX) {
            throw ApiException.invalid("limit", "OUT_OF_RANGE", "1 to " + STATEMENT_ENTRIES_MAX + " entries a page");
        }
        return limit;
    }

    /** The cursor of the next page: a statement entry's sort key, as the previous page gave it. */
    public static Optional<String> cursor(String before) {
        if (before != null && (!before.startsWith(ENTRY_PREFIX) || FreeText.length(before) > CURSOR_CHARS_MAX)) {
            throw ApiException.invalid("before", "BAD_CURSOR", "The statementBefore of the previous page");
        }
        return Optional.ofNullable(before);
    }
}
