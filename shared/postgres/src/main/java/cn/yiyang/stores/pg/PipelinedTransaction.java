package cn.yiyang.stores.pg;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A transaction of native SQL whose BEGIN and COMMIT are statements on the session's connection like
 * any other, so they ride in the pipelines around them instead of costing a round trip each: BEGIN goes
 * out with the work's first statement, and COMMIT goes out behind the writes whose answers the work
 * does not need ({@link NativeSql#writeBeforeCommit}), all waited for once. Hibernate's (the Vert.x
 * client's) transaction waits for BEGIN before the first statement and for every statement before it
 * sends COMMIT: two round trips a transaction that carry nothing.
 *
 * <p>Nothing is lost on failure: every statement's answer is checked, the writes sent before the
 * commit after the COMMIT's answer (PostgreSQL answers in the order sent). PostgreSQL turns the COMMIT
 * of a transaction in which any statement failed into a rollback, and the operation reports that
 * statement's failure; a failure of the work sends ROLLBACK. For work of native SQL only
 * ({@link NativeSql#select}, {@link NativeSql#send}, …): entities would be flushed outside it.
 */
final class PipelinedTransaction {

    /** Writes a transaction may leave unanswered until its commit; past this the next one waits for its answer. */
    static final int WRITES_BEFORE_COMMIT_MAX = 64;
    private static final String CONTEXT_KEY = PipelinedTransaction.class.getName();
    /** The SQLSTATE of a statement refused because an earlier one failed: never the cause worth reporting. */
    private static final String IN_FAILED_TRANSACTION = "25P02";

    private final List<CompletableFuture<RowSet<Row>>> unanswered = new ArrayList<>();

    private PipelinedTransaction() {
    }

    /** Runs the work in a transaction of its own; call inside a session, on its Vert.x context. */
    static <T> Uni<T> run(Supplier<Uni<T>> work) {
        Context context = Vertx.currentContext();
        if (context == null || context.getLocal(CONTEXT_KEY) != null) {
            return Uni.createFrom().failure(new IllegalStateException("a pipelined transaction needs a Vert.x context of its own"));
        }
        PipelinedTransaction transaction = new PipelinedTransaction();
        context.putLocal(CONTEXT_KEY, transaction);
        return NativeSql.send("begin")
                .flatMap(begin -> begin.then(Uni.createFrom().<T>deferred(work::get), NativeSql.Sent::changed))
                .onItemOrFailure().<T>transformToUni((item, failure) -> failure == null
                        ? transaction.commit(item) : transaction.rollBack(failure))
                // given up on (the waiting thread interrupted): the connection must not go back to the pool mid-transaction
                .onCancellation().call(() -> NativeSql.write("rollback").onFailure().recoverWithItem(0))
                .eventually(() -> context.removeLocal(CONTEXT_KEY));
    }

    /** The pipelined transaction running on this Vert.x context, if any. */
    static Optional<PipelinedTransaction> current() {
        Context context = Vertx.currentContext();
        return context == null ? Optional.empty() : Optional.ofNullable(context.getLocal(CONTEXT_KEY));
    }

    /** Whether another write may go unanswered until the commit. */
    boolean hasRoomBeforeCommit() {
        return unanswered.size() < WRITES_BEFORE_COMMIT_MAX;
    }

    void answeredAtCommit(CompletableFuture<RowSet<Row>> answer) {
        unanswered.add(answer);
    }

    private <T> Uni<T> commit(T item) {
        return NativeSql.write("commit").onItemOrFailure().transformToUni((committed, failure) -> {
            Optional<Throwable> refused = firstRefusal();
            if (refused.isPresent()) {
                return Uni.createFrom().failure(refused.get()); // the COMMIT was a rollback
            }
            return failure == null ? Uni.createFrom().item(item) : Uni.createFrom().failure(failure);
        });
    }

    /** ROLLBACK, then the cause: a write left for the commit that failed first, or the work's own failure. */
    private <T> Uni<T> rollBack(Throwable failure) {
        return NativeSql.write("rollback").onFailure().recoverWithItem(0).onItem().transformToUni(rolledBack -> {
            Throwable cause = PgFailures.is(failure, IN_FAILED_TRANSACTION) ? firstRefusal().orElse(failure) : failure;
            return Uni.createFrom().failure(cause);
        });
    }

    /** The first write left for the commit that failed for a reason of its own (not as aborted by an earlier one). */
    private Optional<Throwable> firstRefusal() {
        Throwable aborted = null;
        for (CompletableFuture<RowSet<Row>> answer : unanswered) {
            if (answer.isCompletedExceptionally()) {
                Throwable failure = answer.handle((rows, thrown) -> thrown).join();
                if (!PgFailures.is(failure, IN_FAILED_TRANSACTION)) {
                    return Optional.of(failure);
                }
                aborted = aborted == null ? failure : aborted;
            }
        }
        return Optional.ofNullable(aborted);
    }
}
