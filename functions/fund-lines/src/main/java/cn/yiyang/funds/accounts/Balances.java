package cn.yiyang.funds.accounts;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The three moves of a two-phase transfer on the two balances it touches. Rows are always updated
 * in account-id order, so two transfers between the same accounts never deadlock; the floor is a
 * guard of the UPDATE itself (never read-then-write), with a CHECK constraint behind it.
 */
public final class Balances {

    private Balances() {
    }

    /** A pending transfer reserves: the debit's pending debits count against its floor at once. */
    public static Uni<Void> reserve(UUID debit, UUID credit, long amountFen) {
        return reserve(debit, credit, amountFen, NOTHING_BEHIND);
    }

    /** As above, with the statements {@code behind} sends riding behind both UPDATEs (one round trip); their answer is the result. */
    public static <T> Uni<T> reserve(UUID debit, UUID credit, long amountFen, Supplier<Uni<T>> behind) {
        return bothSides(debit, credit, new Move("""
                        update funds.account_balance set debits_pending = debits_pending + ?2
                        where account_id = ?1 and (not floor_enforced or debits_posted + debits_pending + ?2 <= credits_posted)""",
                        () -> new ApiException(FundProblem.INSUFFICIENT_FUNDS, "The debit account cannot cover " + amountFen + " fen")),
                new Move("update funds.account_balance set credits_pending = credits_pending + ?2 where account_id = ?1", MISSING),
                amountFen, behind);
    }

    /** Approval posts what was reserved. */
    public static Uni<Void> post(UUID debit, UUID credit, long amountFen) {
        return post(debit, credit, amountFen, NOTHING_BEHIND);
    }

    /** As above, with the statements {@code behind} sends riding behind both UPDATEs. */
    public static <T> Uni<T> post(UUID debit, UUID credit, long amountFen, Supplier<Uni<T>> behind) {
        return bothSides(debit, credit, new Move("""
                        update funds.account_balance set debits_pending = debits_pending - ?2, debits_posted = debits_posted + ?2
                        where account_id = ?1""", MISSING),
                new Move("""
                        update funds.account_balance set credits_pending = credits_pending - ?2, credits_posted = credits_posted + ?2
                        where account_id = ?1""", MISSING),
                amountFen, behind);
    }

    /** Rejection, voiding or expiry gives the reservation back. */
    public static Uni<Void> release(UUID debit, UUID credit, long amountFen) {
        return release(debit, credit, amountFen, NOTHING_BEHIND);
    }

    /** As above, with the statements {@code behind} sends riding behind both UPDATEs. */
    public static <T> Uni<T> release(UUID debit, UUID credit, long amountFen, Supplier<Uni<T>> behind) {
        return bothSides(debit, credit,
                new Move("update funds.account_balance set debits_pending = debits_pending - ?2 where account_id = ?1", MISSING),
                new Move("update funds.account_balance set credits_pending = credits_pending - ?2 where account_id = ?1", MISSING),
                amountFen, behind);
    }

    /** One side's UPDATE, and what its row count other than 1 means. */
    private record Move(String sql, Supplier<RuntimeException> notOne) {
    }

    private static final Supplier<RuntimeException> MISSING =
            () -> new IllegalStateException("balance row missing: the ledger's invariant is broken");

    private static final Supplier<Uni<Void>> NOTHING_BEHIND = () -> Uni.createFrom().voidItem();

    /**
     * Both UPDATEs sent at once, in account-id order (so two transfers between the same accounts never
     * deadlock: PostgreSQL runs them in the order sent), and {@code behind}'s statements after them, one
     * round trip; then each row count checked, the first in that order first, before {@code behind}'s
     * answer or failure (which, when an UPDATE failed, is only that the transaction is aborted).
     */
    private static <T> Uni<T> bothSides(UUID debit, UUID credit, Move debitSide, Move creditSide, long amountFen,
                                        Supplier<Uni<T>> behind) {
        boolean debitFirst = debit.compareTo(credit) < 0;
        UUID firstId = debitFirst ? debit : credit;
        Move first = debitFirst ? debitSide : creditSide;
        UUID secondId = debitFirst ? credit : debit;
        Move second = debitFirst ? creditSide : debitSide;
        return NativeSql.send(first.sql(), firstId, amountFen).flatMap(sentFirst -> sentFirst.then(
                NativeSql.send(second.sql(), secondId, amountFen).flatMap(sentSecond -> sentSecond.then(
                        Uni.createFrom().<T>deferred(behind::get), sent -> sent.changed().map(updated -> exactlyOne(updated, second)))),
                sent -> sent.changed().map(updated -> exactlyOne(updated, first))));
    }

    private static int exactlyOne(int updated, Move move) {
        if (updated != 1) {
            throw move.notOne().get();
        }
        return updated;
    }
}
