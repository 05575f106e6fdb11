package cn.yiyang.bench;

import cn.yiyang.testing.ApiAnswer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the harness holds the system to. Each check either passes quietly or throws
 * {@link Broken} naming what broke, with examples: a harness run with a broken invariant fails
 * loudly (exit 1, FAIL in its table). InvariantsTest feeds each one a broken result.
 */
final class Invariants {

    static final int EXAMPLES_MAX = 3;

    /** An invariant that did not hold. */
    static final class Broken extends RuntimeException {
        Broken(String message) {
            super(message, null, false, false);
        }
    }

    private Invariants() {
    }

    /** No answer is a 5xx: bad input is a 4xx, never a crash. */
    static void noServerErrors(String what, Collection<ApiAnswer> answers) {
        fail(what + ": answered 5xx", answers.stream().filter(a -> a.status() >= 500).toList());
    }

    /** Every refusal is problem+json with a stable code and a plain-Chinese userMessage. */
    static void refusalsAreProblems(String what, Collection<ApiAnswer> answers) {
        fail(what + ": a refusal that is not problem+json with code and userMessage", answers.stream()
                .filter(a -> a.status() >= 400)
                .filter(a -> !a.isProblem() || a.body() == null || !hasProblemFields(a))
                .toList());
    }

    /** Only these statuses (and, for non-2xx, only these codes) were answered. */
    static void answeredOnly(String what, Collection<ApiAnswer> answers, Set<Integer> statuses, Set<String> codes) {
        fail(what + ": answered outside " + statuses + " / " + codes, answers.stream()
                .filter(a -> !statuses.contains(a.status()) || (a.status() >= 300 && !codes.contains(a.code())))
                .toList());
    }

    /**
     * Requests sent several times under one key took effect once: per key, every 2xx carries the same
     * body, and at least one copy succeeded.
     */
    static void tookEffectOnce(String what, Map<String, List<ApiAnswer>> answersByKey) {
        List<String> broken = new ArrayList<>();
        answersByKey.forEach((key, answers) -> {
            Set<String> bodies = answers.stream().filter(a -> a.status() < 300).map(ApiAnswer::body).collect(Collectors.toSet());
            if (bodies.size() != 1) {
                broken.add(key + " → " + bodies.size() + " distinct 2xx bodies among " + answers.stream().map(ApiAnswer::status).toList());
            }
        });
        failText(what + ": a key that did not take effect exactly once", broken);
    }

    /** A count the store holds equals what the answers promised. */
    static void equal(String what, long expected, long actual) {
        if (expected != actual) {
            throw new Broken(what + ": expected " + expected + ", found " + actual);
        }
    }

    static void atLeast(String what, long minimum, long actual) {
        if (actual < minimum) {
            throw new Broken(what + ": expected at least " + minimum + ", found " + actual);
        }
    }

    /** A list of violations a scenario collected itself must be empty. */
    static void none(String what, Collection<String> violations) {
        failText(what, violations);
    }

    private static boolean hasProblemFields(ApiAnswer a) {
        try {
            return !a.json().path("code").asText().isBlank() && !a.json().path("userMessage").asText().isBlank();
        } catch (AssertionError notJson) {
            return false;
        }
    }

    private static void fail(String what, List<ApiAnswer> offending) {
        failText(what, offending.stream().map(ApiAnswer::toString).toList());
    }

    private static void failText(String what, Collection<String> offending) {
        if (!offending.isEmpty()) {
            throw new Broken(what + " (" + offending.size() + "), e.g. " + offending.stream().limit(EXAMPLES_MAX)
                    .map(s -> s.length() > 300 ? s.substring(0, 300) + "…" : s).collect(Collectors.joining(" | ")));
        }
    }

    /** Groups answers by a key, keeping order. */
    static <T> Map<String, List<T>> byKey(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, java.util.LinkedHashMap::new, Collectors.toList()));
    }
}
