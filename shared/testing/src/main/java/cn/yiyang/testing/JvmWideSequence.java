package cn.yiyang.testing;

/**
 * Numbers handed out once each per JVM, 0, 1, 2 … under a name. A Quarkus test restarts the application in a new
 * class loader, so a static counter starts again in each test class while the stores live on for the whole JVM: the
 * count is kept in the system properties, which every class loader shares.
 */
public final class JvmWideSequence {

    private static final String PREFIX = "yiyang.test.sequence.";

    private JvmWideSequence() {
    }

    /** The next number of this name's sequence in this JVM. */
    public static int next(String name) {
        synchronized (System.class) {
            int next = Integer.getInteger(PREFIX + name, 0);
            System.setProperty(PREFIX + name, Integer.toString(next + 1));
            return next;
        }
    }
}
