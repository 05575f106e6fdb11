package cn.yiyang.kernel.identity;

import java.util.Objects;

/**
 * Mainland China mobile phone number, normalised to 11 ASCII digits.
 *
 * <p>{@link #toString()} returns the masked form.
 */
public final class MobilePhone {

    private static final int LENGTH = 11;
    private static final String SUBJECT = "mobile phone number";
    private static final String[] COUNTRY_PREFIXES = {"+86", "0086", "86"};

    private final String value;

    private MobilePhone(String value) {
        this.value = value;
    }

    /**
     * Parses a mobile number. Full-width digits and '+' are converted to ASCII; whitespace
     * (including U+3000 and NBSP), hyphens and parentheses are removed; a leading "+86", "0086"
     * or "86" is removed when exactly 11 digits remain.
     *
     * @throws IdentityFormatException if the result is not a mainland mobile number
     */
    public static MobilePhone parse(String raw) {
        if (raw == null) {
            throw fail(IdentityFormatException.Reason.WRONG_LENGTH);
        }
        String s = stripCountryCode(clean(raw));
        if (s.isEmpty()) {
            throw fail(IdentityFormatException.Reason.WRONG_LENGTH);
        }
        if (!allAsciiDigits(s)) {
            throw fail(IdentityFormatException.Reason.NOT_DIGITS);
        }
        if (s.length() != LENGTH) {
            throw fail(IdentityFormatException.Reason.WRONG_LENGTH);
        }
        if (s.charAt(0) != '1' || s.charAt(1) < '3' || s.charAt(1) > '9') {
            throw fail(IdentityFormatException.Reason.BAD_PREFIX);
        }
        return new MobilePhone(s);
    }

    /** Returns {@code true} if {@link #parse(String)} would accept the input. */
    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (IdentityFormatException e) {
            return false;
        }
    }

    private static String clean(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') {
                sb.append((char) ('0' + (c - '\uFF10')));
            } else if (c == '\uFF0B') {
                sb.append('+');
            } else if (!isRemovable(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isRemovable(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c) // U+3000, U+00A0, U+202F, ...
                || c == '-' || c == '\uFF0D' || (c >= '\u2010' && c <= '\u2015')
                || c == '(' || c == ')' || c == '\uFF08' || c == '\uFF09';
    }

    private static String stripCountryCode(String s) {
        for (String prefix : COUNTRY_PREFIXES) {
            if (s.startsWith(prefix)) {
                String rest = s.substring(prefix.length());
                if (rest.length() == LENGTH && allAsciiDigits(rest)) {
                    return rest;
                }
            }
        }
        return s;
    }

    private static boolean allAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static IdentityFormatException fail(IdentityFormatException.Reason reason) {
        return new IdentityFormatException(SUBJECT, reason);
    }

    /** The 11 ASCII digits. Personal data: do not log. */
    public String value() {
        return value;
    }

    /** First 3 digits, four '*', last 4 digits, e.g. {@code 138****5678}. */
    public String masked() {
        return Masks.mobile(value);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof MobilePhone other && value.equals(other.value));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    /** The masked form; never the full value. */
    @Override
    public String toString() {
        return masked();
    }
}
