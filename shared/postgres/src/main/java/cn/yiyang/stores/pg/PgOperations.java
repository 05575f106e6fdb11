package cn.yiyang.stores.pg;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.gateway.dispatch.Operation;
import cn.yiyang.gateway.dispatch.Reply;
import cn.yiyang.gateway.idempotency.IdempotencyGuarded;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a PostgreSQL-backed piece of business logic ({@code Call -> Uni<Reply>}) into an
 * {@link Operation}: runs it on a Vert.x context (Panache needs one, the Lambda thread has
 * none), in a session or a transaction, with the Idempotency-Key honoured inside that same
 * transaction, and with serialization failures and deadlocks retried a bounded number of times.
 */
@ApplicationScoped
public class PgOperations {

    public static final int ATTEMPTS_MAX = 5;
    public static final int BACKOFF_BASE_MILLIS = 5;

    private final PgIdempotency idempotency;

    public PgOperations(PgIdempotency idempotency) {
        this.idempotency = idempotency;
    }

    /** A read: one session, no transaction. */
    public Operation read(Function<Call, Uni<Reply>> work) {
        return call -> run(() -> Panache.withSession(() -> work.apply(call)));
    }

    /** A write: one transaction, which also records the Idempotency-Key when the route takes one. */
    public Operation write(Function<Call, Uni<Reply>> work) {
        return new GuardedWrite(call -> run(() -> Panache.withTransaction(
                () -> idempotency.guard(call, () -> work.apply(call)))));
    }

    /**
     * A write whose business row is its own idempotency record, keyed by the Idempotency-Key for as long
     * as the row lives: the work must find an earlier row under the key and replay it or refuse.
     */
    public Operation writeOwnRecord(Function<Call, Uni<Reply>> work) {
        return new GuardedWrite(call -> run(() -> Panache.withTransaction(
                () -> idempotency.lockOnly(call, () -> work.apply(call)))));
    }

    /**
     * A write made of many transactions of its own (a settlement run, each item committed alone), under an
     * Idempotency-Key: the key is claimed before (a duplicate gets 409 while the work runs), the answer
     * recorded after and replayed byte for byte; a failure frees the key so a retry runs anew.
     */
    public Operation writeInSteps(Function<Call, Reply> work) {
        return new GuardedWrite(call -> call.idempotencyKey().isEmpty() ? work.apply(call) : claimed(call, work));
    }

    private Reply claimed(Call call, Function<Call, Reply> work) {
        Optional<Reply> earlier = inTransaction(() -> idempotency.claim(call));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Reply reply;
        try {
            reply = work.apply(call);
        } catch (RuntimeException failure) {
            try {
                inTransaction(() -> idempotency.release(call));
            } catch (RuntimeException releaseFailure) {
                failure.addSuppressed(releaseFailure); // the claim's lease frees the key instead
            }
            throw failure;
        }
        inTransaction(() -> idempotency.complete(call, reply));
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

    private record GuardedWrite(Operation delegate) implements Operation, IdempotencyGuarded {
        @Override
        public Reply invoke(Call call) {
            return delegate.invoke(call);
        }
    }
}
