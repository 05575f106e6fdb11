package cn.yiyang.kernel.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking rule for personal numbers (README, "The masking rule"), used by every function for every
 * answer, and the safety net for free text that reaches answers.
 *
 * <p>The rule: a mask hides at least {@link #HIDDEN_DIGITS_MIN} digits that nothing else in the same
 * answer narrows, so every mask leaves at least {@link #COMPLETIONS_MIN} equally likely completions.
 * <ul>
 *   <li>An ID number shows only its first 6 characters, the division code (the county every answer
 *       names anyway): {@code 330105************}. Its birth date, sequence and check character stay
 *       hidden, so an answer may show the age and the birth year (never the birth date) and the sex:
 *       those leave 366 birth days × 500 sequences = 183,000 completions. Its last four are never shown:
 *       they are also what a resident proves to bind a WeChat account.</li>
 *   <li>A mobile shows its first 3 and last 4 digits: {@code 138****5678}, 10,000 completions.</li>
 *   <li>A landline shows its area code and its local number without the local number's first 4 digits:
 *       {@code 0571-****1234}, 10,000 completions.</li>
 *   <li>Free text shown in an answer (an address line, a booking's address, a comment) passes through
 *       {@link #inText}: any ID number, mobile or landline typed into it is masked the same way.</li>
 * </ul>
 */
public final class Masks {

    public static final int HIDDEN_DIGITS_MIN = 4;
    public static final int COMPLETIONS_MIN = 10_000;
    public static final int ID_NUMBER_SHOWN_CHARS = 6;
    private static final int ID_NUMBER_CHARS = 18;
    private static final int MOBILE_HEAD_CHARS = 3;
    private static final int MOBILE_TAIL_CHARS = 4;

    /*
     * Group "id": 17 digits + [0-9Xx], not inside a longer digit run.
     * Group "cc"/"mobile": optional country code (+86, 0086, 86) followed by 1[3-9] + 9 digits,
     * optionally grouped as 3-4-4 with single spaces or hyphens, not inside a longer digit run.
     * Group "area"/"local": a landline with its area code (010, 02x, or 0 + three digits) and a 7- or
     * 8-digit local number starting 2-9, optionally separated by a hyphen or a space.
     */
    private static final Pattern SENSITIVE = Pattern.compile(
            "(?<![0-9])(?:"
                    + "(?<id>[0-9]{17}[0-9Xx])"
                    + "|(?<cc>(?:\\+|00)?86[ -]?)?(?<mobile>1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4})"
                    + "|(?<area>0(?:1[0-9]|2[0-9]|[3-9][0-9]{2}))[ -]?(?<local>[2-9][0-9]{6,7})"
                    + ")(?![0-9])");

    private Masks() {
    }

    /**
     * Masks every ID number, mobile and landline in {@code text} by the rule above. No validation
     * (checksum etc.) is done: this is a safety net.
     *
     * @return the masked text, or {@code null} if {@code text} is {@code null}
     */
    public static String inText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = SENSITIVE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            String replacement;
            if (m.group("id") != null) {
                replacement = idNumber(m.group("id"));
            } else if (m.group("mobile") != null) {
                String cc = m.group("cc");
                String digits = m.group("mobile").replace(" ", "").replace("-", "");
                replacement = (cc == null ? "" : cc) + mobile(digits);
            } else {
                replacement = landline(m.group("area"), m.group("local"));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** 18 chars → the first 6 and 12 '*'. */
    public static String idNumber(String value) {
        return value.substring(0, ID_NUMBER_SHOWN_CHARS) + "*".repeat(ID_NUMBER_CHARS - ID_NUMBER_SHOWN_CHARS);
    }

    /** 11 digits → first 3 + 4 '*' + last 4. */
    public static String mobile(String value) {
        return value.substring(0, MOBILE_HEAD_CHARS) + "*".repeat(value.length() - MOBILE_HEAD_CHARS - MOBILE_TAIL_CHARS)
                + value.substring(value.length() - MOBILE_TAIL_CHARS);
    }

    /** Area code, hyphen, the local number with its first 4 digits hidden: {@code 0571-****1234}. */
    public static String landline(String areaCode, String localNumber) {
        return areaCode + "-" + "*".repeat(HIDDEN_DIGITS_MIN) + localNumber.substring(HIDDEN_DIGITS_MIN);
    }
}
