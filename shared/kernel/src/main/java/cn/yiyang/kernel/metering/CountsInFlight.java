package cn.yiyang.kernel.metering;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The calls' usage counts, each on a meter thread: a call hands its count over and answers without
 * waiting for it, whatever the answer (a success, or a refusal with no work beside the count). What is
 * still in flight is awaited where it must have landed: where a Lambda invocation ends (a frozen or
 * recycled process would lose it) and before this process reads the usage it counted.
 */
public final class CountsInFlight {

    public static final int METER_THREADS_MAX = 8;
    public static final int METER_QUEUE_MAX = 1_000;

    private final ExecutorService threads;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

    public CountsInFlight() {
        // Core size = max: a pool with a bounded queue grows past its core only when the queue is full,
        // so a smaller core would count a lunch rush one call at a time. Idle threads end after a minute.
        // When every thread is busy and the queue full, the call counts itself: no count is ever dropped.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(METER_THREADS_MAX, METER_THREADS_MAX, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(METER_QUEUE_MAX), CountsInFlight::meterThread,
                new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.threads = pool;
    }

    private static Thread meterThread(Runnable work) {
        Thread thread = new Thread(work, "usage-meter");
        thread.setDaemon(true);
        return thread;
    }

    /** Hands one count to a meter thread; returns at once (unless every thread is busy and the queue full). */
    public void count(Runnable count) {
        CompletableFuture<Void> counted = CompletableFuture.runAsync(count, threads);
        inFlight.add(counted);
        // Registered after the add, so a count already done (or run by this thread) is removed, never left behind.
        counted.whenComplete((done, failure) -> inFlight.remove(counted));
    }

    /** Returns once every count handed over before this call has landed (or failed, which its count logs). */
    public void awaitCounted() {
        for (CompletableFuture<Void> counted : List.copyOf(inFlight)) {
            counted.exceptionally(failure -> null).join();
        }
    }
}
