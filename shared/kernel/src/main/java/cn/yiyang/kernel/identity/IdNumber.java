package cn.yiyang.kernel.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Mainland China resident ID number (居民身份证号码, GB 11643-1999), 18 characters.
 *
 * <p>{@link #toString()} returns the masked form; use {@link #value()} deliberately when the full
 * number is really needed.
 */
public final class IdNumber {

    /** Time zone used to determine "today" when none is supplied. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1880, 1, 1);

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final String SUBJECT = "resident ID number";

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses using today's date in Asia/Shanghai as the upper bound for the birth date. */
    public static IdNumber parse(String raw) {
        return parse(raw, LocalDate.now(CHINA));
    }

    /**
     * Parses and validates an ID number.
     *
     * @param raw   the input; surrounding whitespace is ignored and a trailing 'x' is accepted
     * @param today the reference date; a birth date after it is rejected
     * @throws IdentityFormatException if the input is not a valid ID number
     */
    public static IdNumber parse(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (raw == null) {
            throw fail(IdentityFormatException.Reason.WRONG_LENGTH);
        }
        String s = raw.strip();
        if (s.length() != LENGTH) {
            throw fail(IdentityFormatException.Reason.WRONG_LENGTH);
        }
        s = s.substring(0, LENGTH - 1) + s.substring(LENGTH - 1).toUpperCase(Locale.ROOT);
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                throw fail(IdentityFormatException.Reason.NOT_DIGITS);
            }
        }
        char last = s.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X') {
            throw fail(IdentityFormatException.Reason.NOT_DIGITS);
        }
        if (checkChar(s) != last) {
            throw fail(IdentityFormatException.Reason.BAD_CHECKSUM);
        }
        if (s.charAt(0) == '0') {
            throw fail(IdentityFormatException.Reason.BAD_REGION);
        }
        LocalDate birth = birthDateOf(s, today);
        return new IdNumber(s, birth);
    }

    /** Returns {@code true} if {@link #parse(String, LocalDate)} would accept the input. */
    public static boolean isValid(String raw, LocalDate today) {
        try {
            parse(raw, today);
            return true;
        } catch (IdentityFormatException e) {
            return false;
        }
    }

    /** Computes the check character for the first 17 digits of {@code s}. */
    static char checkChar(CharSequence s) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    private static LocalDate birthDateOf(String s, LocalDate today) {
        int year = Integer.parseInt(s, 6, 10, 10);
        int month = Integer.parseInt(s, 10, 12, 10);
        int day = Integer.parseInt(s, 12, 14, 10);
        LocalDate birth;
        try {
            birth = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw fail(IdentityFormatException.Reason.IMPOSSIBLE_BIRTH_DATE);
        }
        if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH_DATE)) {
            throw fail(IdentityFormatException.Reason.IMPOSSIBLE_BIRTH_DATE);
        }
        return birth;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IdentityFormatException fail(IdentityFormatException.Reason reason) {
        return new IdentityFormatException(SUBJECT, reason);
    }

    /** The normalised 18-character value (upper-case 'X'). Personal data: do not log. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Odd 17th digit = male, even = female. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The 6-digit administrative division code. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /**
     * Age in completed years on the given date.
     *
     * @throws IllegalArgumentException if {@code date} is before the birth date
     */
    public int ageOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("date is before the birth date");
        }
        return Period.between(birthDate, date).getYears();
    }

    /** Masked by the one rule ({@link Masks}): the division code only, e.g. {@code 330105************}. */
    public String masked() {
        return Masks.idNumber(value);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof IdNumber other && value.equals(other.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form; never the full value. */
    @Override
    public String toString() {
        return masked();
    }
}
