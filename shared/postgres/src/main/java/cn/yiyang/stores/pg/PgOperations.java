package cn.yiyang.stores.pg;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns PostgreSQL-backed business logic ({@code (Caller, Request) -> Uni<Reply>}) into a
 * {@link Handler}: runs it on a Vert.x context (Panache needs one, the Lambda thread has none), in
 * a session ({@link #query}) or a transaction ({@link #transact}), with the Idempotency-Key
 * honoured inside that same transaction, and with serialization failures and deadlocks retried a
 * bounded number of times.
 */
@ApplicationScoped
public class PgOperations {

    public static final int ATTEMPTS_MAX = 5;
    public static final int BACKOFF_BASE_MILLIS = 5;

    private final PgIdempotency idempotency;

    public PgOperations(PgIdempotency idempotency) {
        this.idempotency = idempotency;
    }

    /** Reads: one session, no transaction. */
    public <R> Handler<R> query(BiFunction<Caller, R, Uni<Reply>> work) {
        return invocation -> run(() -> Panache.withSession(() -> work.apply(invocation.caller(), invocation.request())));
    }

    /** A write: one transaction, which also records the Idempotency-Key when the route takes one. */
    public <R> Handler<R> transact(BiFunction<Caller, R, Uni<Reply>> work) {
        return new Guarded<>(invocation -> run(() -> Panache.withTransaction(() -> idempotency.guard(invocation,
                () -> work.apply(invocation.caller(), invocation.request())))));
    }

    /**
     * A write whose business row is its own idempotency record, keyed by the Idempotency-Key for as long
     * as the row lives: the work gets the whole invocation, must find an earlier row under the key and
     * replay it or refuse.
     */
    public <R> Handler<R> transactOwnRecord(Function<Invocation<R>, Uni<Reply>> work) {
        return new Guarded<>(invocation -> run(() -> Panache.withTransaction(
                () -> idempotency.lockOnly(invocation, () -> work.apply(invocation)))));
    }

    /**
     * As {@link #transact}, for work of native SQL only ({@link NativeSql}), in a {@link PipelinedTransaction}:
     * its BEGIN rides with the key's lock and the COMMIT with the idempotency record and the work's other
     * {@link NativeSql#writeBeforeCommit writes before the commit}, two round trips fewer.
     */
    public <R> Handler<R> transactPipelined(BiFunction<Caller, R, Uni<Reply>> work) {
        return new Guarded<>(invocation -> run(() -> Panache.withSession(() -> PipelinedTransaction.run(
                () -> idempotency.guard(invocation, () -> work.apply(invocation.caller(), invocation.request()))))));
    }

    /** As {@link #transactOwnRecord}, in a {@link PipelinedTransaction} (work of native SQL only). */
    public <R> Handler<R> transactOwnRecordPipelined(Function<Invocation<R>, Uni<Reply>> work) {
        return new Guarded<>(invocation -> run(() -> Panache.withSession(() -> PipelinedTransaction.run(
                () -> idempotency.lockOnly(invocation, () -> work.apply(invocation))))));
    }

    /**
     * A transaction whose work needs more than the caller and the request: the request id it records,
     * or the instant a scheduled run was asked for. The Idempotency-Key is honoured as in {@link #transact}.
     */
    public <R> Handler<R> transactWith(Function<Invocation<R>, Uni<Reply>> work) {
        return new Guarded<>(invocation -> run(() -> Panache.withTransaction(
                () -> idempotency.guard(invocation, () -> work.apply(invocation)))));
    }

    /**
     * A run of many items that each commit on their own (a settlement): the Idempotency-Key is claimed
     * first in its own transaction (a duplicate gets 409 while the run goes on), the work runs, and its
     * answer is recorded for replay; a failure releases the claim.
     */
    public <R> Handler<R> transactInSteps(BiFunction<Caller, R, Reply> work) {
        return new Guarded<>(invocation -> invocation.idempotencyKey().isEmpty()
                ? work.apply(invocation.caller(), invocation.request())
                : claimed(invocation, () -> work.apply(invocation.caller(), invocation.request())));
    }

    private Reply claimed(Invocation<?> invocation, Supplier<Reply> work) {
        Optional<Reply> earlier = inTransaction(() -> idempotency.claim(invocation));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Reply reply;
        try {
            reply = work.get();
        } catch (RuntimeException failure) {
            try {
                inTransaction(() -> idempotency.release(invocation));
            } catch (RuntimeException releaseFailure) {
                failure.addSuppressed(releaseFailure); // the claim's lease frees the key instead
            }
            throw failure;
        }
        inTransaction(() -> idempotency.complete(invocation, reply));
        return reply;
    }

    /**
     * Work that is not a whole request: one transaction of its own, retried like an operation. For a
     * run of many independent items (a settlement), each item commits or rolls back alone.
     */
    public <T> T inTransaction(Supplier<Uni<T>> work) {
        return run(() -> Panache.withTransaction(work));
    }

    /** Reads that are not a whole request: one session, no transaction. */
    public <T> T inSession(Supplier<Uni<T>> work) {
        return run(() -> Panache.withSession(work));
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return VertxContextSupport.subscribeAndAwait(work::get);
            } catch (Throwable failure) {
                RuntimeException mapped = PgFailures.map(failure);
                if (!PgFailures.isRetryable(failure) || attempt >= ATTEMPTS_MAX) {
                    throw mapped;
                }
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        long ceiling = (long) BACKOFF_BASE_MILLIS << attempt;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Guarded<R>(Handler<R> delegate) implements Handler<R>, IdempotencyGuarded {
        @Override
        public Reply handle(Invocation<R> invocation) {
            return delegate.handle(invocation);
        }
    }
}
