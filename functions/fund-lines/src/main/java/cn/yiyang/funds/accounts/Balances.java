package cn.yiyang.funds.accounts;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

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
        Uni<Void> debitSide = NativeSql.write("""
                        update funds.account_balance set debits_pending = debits_pending + ?2
                        where account_id = ?1 and (not floor_enforced or debits_posted + debits_pending + ?2 <= credits_posted)""",
                debit, amountFen).map(updated -> {
                    if (updated != 1) {
                        throw new ApiException(FundProblem.INSUFFICIENT_FUNDS, "The debit account cannot cover " + amountFen + " fen");
                    }
                    return updated;
                }).replaceWithVoid();
        Uni<Void> creditSide = exactlyOne(NativeSql.write(
                "update funds.account_balance set credits_pending = credits_pending + ?2 where account_id = ?1", credit, amountFen));
        return inOrder(debit, credit, debitSide, creditSide);
    }

    /** Approval posts what was reserved. */
    public static Uni<Void> post(UUID debit, UUID credit, long amountFen) {
        Uni<Void> debitSide = exactlyOne(NativeSql.write("""
                update funds.account_balance set debits_pending = debits_pending - ?2, debits_posted = debits_posted + ?2
                where account_id = ?1""", debit, amountFen));
        Uni<Void> creditSide = exactlyOne(NativeSql.write("""
                update funds.account_balance set credits_pending = credits_pending - ?2, credits_posted = credits_posted + ?2
                where account_id = ?1""", credit, amountFen));
        return inOrder(debit, credit, debitSide, creditSide);
    }

    /** Rejection, voiding or expiry gives the reservation back. */
    public static Uni<Void> release(UUID debit, UUID credit, long amountFen) {
        Uni<Void> debitSide = exactlyOne(NativeSql.write(
                "update funds.account_balance set debits_pending = debits_pending - ?2 where account_id = ?1", debit, amountFen));
        Uni<Void> creditSide = exactlyOne(NativeSql.write(
                "update funds.account_balance set credits_pending = credits_pending - ?2 where account_id = ?1", credit, amountFen));
        return inOrder(debit, credit, debitSide, creditSide);
    }

    // Unis are lazy: nothing runs until subscribed, so the order of the chain is the order of the updates.
    private static Uni<Void> inOrder(UUID debit, UUID credit, Uni<Void> debitSide, Uni<Void> creditSide) {
        return debit.compareTo(credit) < 0 ? debitSide.flatMap(v -> creditSide) : creditSide.flatMap(v -> debitSide);
    }

    private static Uni<Void> exactlyOne(Uni<Integer> update) {
        return update.map(updated -> {
            if (updated != 1) {
                throw new IllegalStateException("balance row missing: the ledger's invariant is broken");
            }
            return updated;
        }).replaceWithVoid();
    }
}
