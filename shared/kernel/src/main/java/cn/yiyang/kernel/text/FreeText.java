package cn.yiyang.kernel.text;

import java.text.Normalizer;

/**
 * The one rule for every piece of text a request carries, applied by the request path before any
 * service sees it, so no store ever receives what it cannot hold (PostgreSQL refuses U+0000) and
 * nothing is silently changed on the way in (a lone surrogate would be stored as "?"):
 * <ul>
 *   <li>refused: C0 controls other than tab and line feed, DEL and C1 controls; unpaired surrogates;
 *   bidirectional embeddings, overrides and isolates (they make text read otherwise than it is stored);
 *   Unicode noncharacters;</li>
 *   <li>normalised: carriage returns become line feeds, the text is put in NFC, and white space
 *   (including the ideographic space U+3000 and a byte-order mark) is trimmed at both ends;</li>
 *   <li>limited: at most {@code maxChars} characters counted as code points, after normalising.</li>
 * </ul>
 */
public final class FreeText {

    /** Any text field without its own limit: far above a name or an address, far below the body limit. */
    public static final int CHARS_MAX_DEFAULT = 2_000;

    /** Why a text was refused: the field error's code. */
    public enum Violation {
        CONTROL_CHARACTER, UNPAIRED_SURROGATE, BIDI_CONTROL, NONCHARACTER, TOO_LONG
    }

    /** Either the normalised text or the violation; never both. */
    public record Checked(String text, Violation violation) {
        public boolean ok() {
            return violation == null;
        }
    }

    private FreeText() {
    }

    public static Checked check(String raw, int maxChars, boolean verbatim) {
        Violation violation = firstViolation(raw);
        if (violation != null) {
            return new Checked(null, violation);
        }
        String text = verbatim ? raw : normalise(raw);
        if (text.codePointCount(0, text.length()) > maxChars) {
            return new Checked(null, Violation.TOO_LONG);
        }
        return new Checked(text, null);
    }

    public static Checked check(String raw) {
        return check(raw, CHARS_MAX_DEFAULT, false);
    }

    /** Characters, as a person counts them: code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static Violation firstViolation(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, raw.charAt(++i));
                    if ((codePoint & 0xFFFE) == 0xFFFE) {
                        return Violation.NONCHARACTER;
                    }
                    continue;
                }
                return Violation.UNPAIRED_SURROGATE;
            }
            if (Character.isLowSurrogate(c)) {
                return Violation.UNPAIRED_SURROGATE;
            }
            Violation v = violationOf(c);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation violationOf(char c) {
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
            return Violation.CONTROL_CHARACTER;
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return Violation.BIDI_CONTROL;
        }
        if ((c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
            return Violation.NONCHARACTER;
        }
        return null;
    }

    private static String normalise(String raw) {
        String text = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        return strip(text);
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isTrimmed(text.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\uFEFF' || c == '\u200B';
    }
}
