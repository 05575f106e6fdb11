package cn.yiyang.testing;

import cn.yiyang.kernel.identity.Masks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Tries to piece personal numbers back together from one answer, as a curious reader of that answer would:
 * finds every known ID number and phone shown in full, and every mask of one, and tries to complete each mask
 * from the answer's other fields. A mask is completed when another field carries exactly its hidden digits
 * (a birth date beside an ID number that hides exactly the birth date), when it hides fewer than
 * {@link Masks#HIDDEN_DIGITS_MIN} digits, or, for an ID number, when the birth year, age, sex and birth date
 * in the answer leave fewer than {@link Masks#COMPLETIONS_MIN} numbers that pass the GB 11643 checksum.
 *
 * <p>The secrets are the values the test itself registered: only the test knows what a mask hides.
 */
public final class Reconstruction {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ID_CHARS = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private Reconstruction() {
    }

    /** What of the secrets this answer gives away (empty when nothing), each naming how. */
    public static List<String> leaks(String body, Collection<String> secrets, LocalDate today) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception notJson) {
            root = JSON.getNodeFactory().textNode(body);
        }
        List<Map.Entry<String, String>> values = new ArrayList<>();
        collect("", root, values);
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            String plain = plain(secret);
            for (Map.Entry<String, String> value : values) {
                String shown = plain(value.getValue());
                if (shown.contains(plain)) {
                    leaks.add(value.getKey() + " shows a personal number in full");
                } else if (isMaskOf(shown, plain)) {
                    leaks.addAll(completions(value.getKey(), shown, plain, values, today));
                }
            }
        }
        return leaks;
    }

    private static List<String> completions(String field, String mask, String secret,
                                            List<Map.Entry<String, String>> values, LocalDate today) {
        StringBuilder hidden = new StringBuilder();
        for (int i = 0; i < mask.length(); i++) {
            if (mask.charAt(i) == '*') {
                hidden.append(secret.charAt(i));
            }
        }
        List<String> leaks = new ArrayList<>();
        if (hidden.length() < Masks.HIDDEN_DIGITS_MIN) {
            leaks.add(field + " hides only " + hidden.length() + " characters");
        }
        for (Map.Entry<String, String> other : values) {
            if (!other.getKey().equals(field) && digits(other.getValue()).equals(hidden.toString())) {
                leaks.add(field + " is completed by " + other.getKey());
            }
        }
        if (secret.length() == ID_CHARS && Character.isDigit(secret.charAt(0))) {
            String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.') + 1) : "";
            long left = idNumberCompletions(mask, siblings(values, parent), today);
            if (left < Masks.COMPLETIONS_MIN) {
                leaks.add(field + " has only " + left + " completions given the answer's birth fields");
            }
        }
        return leaks;
    }

    /**
     * Counts the ID numbers that fit the mask, pass the checksum and agree with the birth fields beside it,
     * up to {@link Masks#COMPLETIONS_MIN} (enough to know the rule holds).
     */
    static long idNumberCompletions(String mask, List<Map.Entry<String, String>> values, LocalDate today) {
        Integer birthYear = number(values, "birthYear");
        Integer age = number(values, "age");
        String birthDate = text(values, "birthDate");
        String sex = text(values, "sex");
        LocalDate first = LocalDate.of(1880, 1, 1);
        long count = 0;
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            if ((birthYear != null && d.getYear() != birthYear) || (age != null && Period.between(d, today).getYears() != age)
                    || (birthDate != null && !birthDate.equals(d.toString()))) {
                continue;
            }
            String date = d.toString().replace("-", "");
            if (!fits(mask, 6, date)) {
                continue;
            }
            count += sequences(mask, date, sex);
            if (count >= Masks.COMPLETIONS_MIN) {
                return count;
            }
        }
        return count;
    }

    private static long sequences(String mask, String date, String sex) {
        long count = 0;
        for (int seq = 0; seq < 1000; seq++) {
            String digits = String.format("%03d", seq);
            if (!fits(mask, 14, digits) || (sex != null && (seq % 2 == 1) != sex.equals("MALE"))) {
                continue;
            }
            String body = mask.substring(0, 6) + date + digits;
            String full = body + checkChar(body);
            if (fits(mask, 17, full.substring(17))) {
                count++;
            }
        }
        return count;
    }

    private static boolean fits(String mask, int from, String part) {
        for (int i = 0; i < part.length(); i++) {
            char m = mask.charAt(from + i);
            if (m != '*' && m != part.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    private static boolean isMaskOf(String shown, String secret) {
        if (shown.length() != secret.length() || shown.indexOf('*') < 0) {
            return false;
        }
        for (int i = 0; i < shown.length(); i++) {
            if (shown.charAt(i) != '*' && shown.charAt(i) != secret.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Digits, 'X' and '*' only: notation (hyphens, spaces, +86) does not hide a number. */
    private static String plain(String value) {
        String s = value.toUpperCase(java.util.Locale.ROOT).replaceAll("[^0-9X*]", "");
        return s.startsWith("86") && s.length() == 13 ? s.substring(2) : s;
    }

    private static String digits(String value) {
        return value.replaceAll("[^0-9]", "");
    }

    private static void collect(String path, JsonNode node, List<Map.Entry<String, String>> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), into);
            }
        } else if (!node.isNull()) {
            into.add(Map.entry(path, node.asText()));
        }
    }

    /** The fields of the object that holds a mask (path prefix {@code parent}), named without the prefix. */
    private static List<Map.Entry<String, String>> siblings(List<Map.Entry<String, String>> values, String parent) {
        List<Map.Entry<String, String>> siblings = new ArrayList<>();
        for (Map.Entry<String, String> value : values) {
            String rest = value.getKey().startsWith(parent) ? value.getKey().substring(parent.length()) : null;
            if (rest != null && !rest.contains(".") && !rest.contains("[")) {
                siblings.add(Map.entry(rest, value.getValue()));
            }
        }
        return siblings;
    }

    private static Integer number(List<Map.Entry<String, String>> values, String name) {
        String text = text(values, name);
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(List<Map.Entry<String, String>> values, String name) {
        for (Map.Entry<String, String> value : values) {
            String key = value.getKey();
            if (key.equals(name)) {
                return value.getValue();
            }
        }
        return null;
    }
}
