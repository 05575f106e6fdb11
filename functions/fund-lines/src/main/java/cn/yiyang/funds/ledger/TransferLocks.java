package cn.yiyang.funds.ledger;

import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Serialises everything that resolves or reverses one transfer: a transaction-scoped advisory lock
 * on its id (the transfer row is insert-only, so it cannot be locked FOR UPDATE). The unique
 * resolution row is the backstop: even without the lock, only one resolution could commit.
 */
public final class TransferLocks {

    private TransferLocks() {
    }

    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('funds-transfer:' || ?1, 0))";

    public static Uni<Void> lock(UUID transfer) {
        return NativeSql.select(LOCK, transfer.toString()).replaceWithVoid();
    }

    /** The lock with the next read sent behind it, one round trip: PostgreSQL runs the read once the lock is granted. */
    public static <T> Uni<T> lockThen(UUID transfer, Supplier<Uni<T>> read) {
        return NativeSql.send(LOCK, transfer.toString()).flatMap(lock -> lock.then(read.get(), NativeSql.Sent::rows));
    }
}
