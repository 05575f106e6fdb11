package cn.yiyang.testing;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client as a real one behaves: it sends the very same request again (same Idempotency-Key, same
 * body) when the answer says "not now" (503 {@code STORE_UNAVAILABLE} under overload, 409
 * {@code IDEMPOTENCY_IN_PROGRESS} while its own first attempt runs, 409 {@code CONCURRENT_UPDATE}
 * after the server's own retries), with full-jitter exponential backoff (a crowd of retries spreads
 * out instead of arriving together) and a bounded number of attempts. Concurrency tests send through
 * it, so a loaded machine slows them down but cannot change their outcome; the invariants they assert
 * stay exact. The last answer is returned as it is.
 */
public final class RetryingClient implements Door {

    /** About a minute of backing off at most: on a 2-core machine at load 40, 12 attempts (≈ 25 s) were not enough. */
    public static final int ATTEMPTS_MAX = 20;
    public static final long BACKOFF_BASE_MILLIS = 25;
    public static final long BACKOFF_CEILING_MILLIS = 4_000;

    /** The 409 codes that mean "nothing was decided, send it again", as opposed to a business refusal. */
    public static final Set<String> RETRIED_CONFLICTS = Set.of("IDEMPOTENCY_IN_PROGRESS", "CONCURRENT_UPDATE");

    private final Door door;
    private final Set<String> retriedConflicts;
    private final AtomicInteger retries = new AtomicInteger();

    private RetryingClient(Door door, Set<String> retriedConflicts) {
        this.door = door;
        this.retriedConflicts = Set.copyOf(retriedConflicts);
    }

    /** Retries 503 and every 409 of {@link #RETRIED_CONFLICTS}. */
    public static RetryingClient around(Door door) {
        return new RetryingClient(door, RETRIED_CONFLICTS);
    }

    /**
     * Retries 503 only: for a test that counts in-progress answers as an outcome of its own (a storm of
     * duplicates, where 409 {@code IDEMPOTENCY_IN_PROGRESS} is an allowed answer to assert on).
     */
    public static RetryingClient retryingOnlyUnavailable(Door door) {
        return new RetryingClient(door, Set.of());
    }

    @Override
    public ApiAnswer send(ApiRequest request) {
        for (int attempt = 1; ; attempt++) {
            ApiAnswer answer = door.send(request);
            if (!isRetried(answer) || attempt >= ATTEMPTS_MAX) {
                return answer;
            }
            retries.incrementAndGet();
            backOff(attempt);
        }
    }

    /** How many times any request was sent again: a figure for the test's report, never asserted. */
    public int retries() {
        return retries.get();
    }

    private boolean isRetried(ApiAnswer answer) {
        if (answer.status() == 503) {
            return true;
        }
        return answer.status() == 409 && answer.isProblem() && retriedConflicts.contains(answer.code());
    }

    private static void backOff(int attempt) {
        long ceiling = Math.min(BACKOFF_CEILING_MILLIS, BACKOFF_BASE_MILLIS << Math.min(attempt, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
