package cn.yiyang.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs many clients at once, released together by one gate. The run fails as stalled when no door
 * has answered for its bound (a hang, a deadlock), not when a busy machine makes it slow: the bound
 * counts from the latest answer any door handed out ({@link Answers}), or from the start for clients
 * that use no door. A ceiling on the whole run still ends a run that answers but never finishes.
 */
public final class Concurrently {

    public static final int CLIENTS_MAX = 500;
    public static final long RUN_SECONDS_MAX = 180;
    public static final long CEILING_SECONDS = 3_600;
    private static final long POLL_MILLIS = 1_000;

    private Concurrently() {
    }

    public static <T> List<T> run(int clients, IntFunction<T> client) {
        return run(clients, RUN_SECONDS_MAX, client);
    }

    /** For a long workload (a bank test of many thousand transfers): the same, with its own stall bound. */
    public static <T> List<T> run(int clients, long runSecondsMax, IntFunction<T> client) {
        if (clients < 1 || clients > CLIENTS_MAX) {
            throw new IllegalArgumentException("clients must be 1.." + CLIENTS_MAX);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    gate.await();
                    return client.apply(index);
                }));
            }
            gate.countDown();
            Watch watch = new Watch(System.nanoTime(), TimeUnit.SECONDS.toNanos(runSecondsMax));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(await(future, watch));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a concurrent client failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future, Watch watch) throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                watch.check();
            }
        }
    }

    private record Watch(long startNanos, long stallNanos) {

        void check() throws TimeoutException {
            long now = System.nanoTime();
            long lastSign = Math.max(startNanos, Answers.lastNanos());
            if (now - lastSign > stallNanos) {
                throw new TimeoutException("stalled: no answer for " + TimeUnit.NANOSECONDS.toSeconds(now - lastSign) + " s");
            }
            if (now - startNanos > TimeUnit.SECONDS.toNanos(CEILING_SECONDS)) {
                throw new TimeoutException("still running after " + CEILING_SECONDS + " s");
            }
        }
    }
}
