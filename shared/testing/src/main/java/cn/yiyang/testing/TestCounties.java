package cn.yiyang.testing;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Counties of their own for tests that isolate their data by county (fund-lines gives each test a
 * fresh one): a block of codes the tests' deployment serves beside the fixed counties, each handed
 * out once per JVM. The stores outlive app restarts and class loaders, so the count is kept JVM-wide.
 */
public final class TestCounties {

    /** 70 is no province's code: these never stand for a real county. */
    public static final int FIRST = 700_000;
    public static final int COUNT_MAX = 1_000;

    private static final String NEXT = "yiyang.test.next-fresh-county";

    private TestCounties() {
    }

    /** Every county of the block, comma-separated, for the deployment's {@code yiyang.counties}. */
    public static String served() {
        return IntStream.range(FIRST, FIRST + COUNT_MAX).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** A county no test in this JVM has had. */
    public static String fresh() {
        synchronized (System.class) {
            int next = Integer.parseInt(System.getProperty(NEXT, Integer.toString(FIRST)));
            if (next >= FIRST + COUNT_MAX) {
                throw new IllegalStateException("all " + COUNT_MAX + " test counties are used in this JVM");
            }
            System.setProperty(NEXT, Integer.toString(next + 1));
            return Integer.toString(next);
        }
    }
}
