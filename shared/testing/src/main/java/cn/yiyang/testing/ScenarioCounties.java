package cn.yiyang.testing;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Counties a scenario takes for itself, so that its county-wide state (settings, pools, counters)
 * touches no other scenario, and which the tests' deployment serves (a token for a county it does
 * not serve is refused). Handed out once each per JVM ({@link JvmWideSequence}): the stores outlive app
 * restarts and class loaders.
 */
public final class ScenarioCounties {

    /** Far more than the scenarios of one test JVM take. */
    public static final int COUNTIES_MAX = 1_000;
    private static final int FIRST = 319_000;
    private static final String NEXT = "scenario-county";

    private ScenarioCounties() {
    }

    /** A county no other scenario of this JVM has had. */
    public static String fresh() {
        int next = JvmWideSequence.next(NEXT);
        if (next >= COUNTIES_MAX) {
            throw new IllegalStateException("all " + COUNTIES_MAX + " scenario counties are taken in this JVM");
        }
        return Integer.toString(FIRST + next);
    }

    /** Every scenario county, comma-separated, for the deployment's list. */
    static String all() {
        return IntStream.range(0, COUNTIES_MAX).mapToObj(i -> Integer.toString(FIRST + i)).collect(Collectors.joining(","));
    }
}
