package cn.yiyang.kernel.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masking helpers for log lines and answers. */
public final class Masks {

    /*
     * Group "id": 17 digits + [0-9Xx], not inside a longer digit run.
     * Group "cc"/"mobile": optional country code (+86, 0086, 86) followed by 1[3-9] + 9 digits,
     * optionally grouped as 3-4-4 with single spaces or hyphens, not inside a longer digit run.
     */
    private static final Pattern SENSITIVE = Pattern.compile(
            "(?<![0-9])(?:"
                    + "(?<id>[0-9]{17}[0-9Xx])"
                    + "|(?<cc>(?:\\+|00)?86[ -]?)?(?<mobile>1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4})"
                    + ")(?![0-9])");

    private Masks() {
    }

    /**
     * Replaces anything in {@code text} that looks like an 18-character resident ID number or an
     * 11-digit mainland mobile number with its masked form ({@code 330105********123X},
     * {@code 138****5678}). No validation (checksum etc.) is done: this is a safety net.
     *
     * @return the masked text, or {@code null} if {@code text} is {@code null}
     */
    public static String maskDigitsRuns(String text) {
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
                replacement = maskIdNumber(m.group("id"));
            } else {
                String cc = m.group("cc");
                String digits = m.group("mobile").replace(" ", "").replace("-", "");
                replacement = (cc == null ? "" : cc) + maskMobile(digits);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** 18 chars → first 6 + 8 '*' + last 4. */
    static String maskIdNumber(String value) {
        return value.substring(0, 6) + "********" + value.substring(value.length() - 4);
    }

    /** 11 digits → first 3 + 4 '*' + last 4. */
    static String maskMobile(String value) {
        return value.substring(0, 3) + "****" + value.substring(value.length() - 4);
    }
}
