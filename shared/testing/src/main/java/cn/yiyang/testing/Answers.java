package cn.yiyang.testing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When a door last handed a test an answer. {@link Concurrently} tells a stalled run (nothing
 * answered for its bound) from a slow one (a busy machine still answering), so its bound detects a
 * hang and never asserts speed.
 */
public final class Answers {

    private static final AtomicLong LAST_ANSWER_NANOS = new AtomicLong(System.nanoTime());

    private Answers() {
    }

    static void received() {
        LAST_ANSWER_NANOS.set(System.nanoTime());
    }

    static long lastNanos() {
        return LAST_ANSWER_NANOS.get();
    }
}
