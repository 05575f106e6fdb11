package cn.yiyang.funds.ledger;

import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Serialises everything that resolves or reverses one transfer: a transaction-scoped advisory lock
 * on its id (the transfer row is insert-only, so it cannot be locked FOR UPDATE). The unique
 * resolution row is the backstop: even without the lock, only one resolution could commit.
 */
public final class TransferLocks {

    private TransferLocks() {
    }

    public static Uni<Void> lock(UUID transfer) {
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-transfer:' || ?1, 0))", transfer.toString())
                .replaceWithVoid();
    }
}
