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

/** Runs many clients at once, released together by one gate, with a bound on the whole run. */
public final class Concurrently {

    public static final int CLIENTS_MAX = 500;
    public static final long RUN_SECONDS_MAX = 180;

    private Concurrently() {
    }

    public static <T> List<T> run(int clients, IntFunction<T> client) {
        return run(clients, RUN_SECONDS_MAX, client);
    }

    /** For a long workload (a bank test of many thousand transfers): the same, with its own bound. */
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
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(runSecondsMax);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
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
}
