package cn.yiyang.kernel.identity;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone a resident is reached on: a mainland mobile, or a landline (many elderly callers ring from one),
 * normalised so that every notation of the same line gives the same {@link #value()}: a mobile as its 11
 * digits, a landline as {@code 0571-88001234}. A landline given without its area code takes the county's
 * default one.
 *
 * <p>{@link #toString()} returns the masked form.
 */
public final class ContactPhone {

    /** The kinds of line; a look-up records which kind the caller gave. */
    public enum Kind { MOBILE, LANDLINE }

    private static final String SUBJECT = "phone number";
    /** 010 and 02x are three digits with the leading 0; every other area code is four. */
    private static final Pattern AREA_CODE = Pattern.compile("0(?:1[0-9]|2[0-9]|[3-9][0-9]{2})");
    private static final Pattern WITH_AREA = Pattern.compile("(0(?:1[0-9]|2[0-9]|[3-9][0-9]{2}))([2-9][0-9]{6,7})");
    private static final Pattern LOCAL = Pattern.compile("[2-9][0-9]{6,7}");

    private final Kind kind;
    private final String value;
    private final String masked;

    private ContactPhone(Kind kind, String value, String masked) {
        this.kind = kind;
        this.value = value;
        this.masked = masked;
    }

    /**
     * Parses a mobile (any notation {@link MobilePhone} takes) or a landline ({@code 0571-88001234},
     * {@code (0571) 8800 1234}, {@code 88001234}).
     *
     * @param defaultAreaCode the county's area code for a landline given without one; null when the county has none
     * @throws IdentityFormatException if it is neither
     */
    public static ContactPhone parse(String raw, String defaultAreaCode) {
        if (MobilePhone.isValid(raw)) {
            MobilePhone mobile = MobilePhone.parse(raw);
            return new ContactPhone(Kind.MOBILE, mobile.value(), mobile.masked());
        }
        String digits = digitsOnly(raw);
        Matcher withArea = WITH_AREA.matcher(digits);
        if (withArea.matches()) {
            return landline(withArea.group(1), withArea.group(2));
        }
        if (LOCAL.matcher(digits).matches()) {
            if (defaultAreaCode == null || !AREA_CODE.matcher(defaultAreaCode).matches()) {
                throw new IdentityFormatException(SUBJECT, IdentityFormatException.Reason.AREA_CODE_REQUIRED);
            }
            return landline(defaultAreaCode, digits);
        }
        // a mobile's own reasons (prefix, length) say more than a generic one
        MobilePhone.parse(raw);
        throw new IdentityFormatException(SUBJECT, IdentityFormatException.Reason.WRONG_LENGTH);
    }

    /** True for a plausible area code (010, 02x, 0 + three digits). */
    public static boolean isAreaCode(String code) {
        return code != null && AREA_CODE.matcher(code).matches();
    }

    private static ContactPhone landline(String area, String local) {
        return new ContactPhone(Kind.LANDLINE, area + "-" + local, Masks.landline(area, local));
    }

    /** Full-width digits become ASCII; separators (spaces, hyphens, parentheses) go; anything else is kept, and fails. */
    private static String digitsOnly(String raw) {
        if (raw == null) {
            throw new IdentityFormatException(SUBJECT, IdentityFormatException.Reason.WRONG_LENGTH);
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') {
                sb.append((char) ('0' + (c - '\uFF10')));
            } else if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '\uFF0D'
                    || (c >= '\u2010' && c <= '\u2015') || c == '(' || c == ')' || c == '\uFF08' || c == '\uFF09')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** The normalised number. Personal data: do not log. */
    public String value() {
        return value;
    }

    /** Masked by the one rule ({@link Masks}). */
    public String masked() {
        return masked;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ContactPhone other && value.equals(other.value));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return masked;
    }
}
