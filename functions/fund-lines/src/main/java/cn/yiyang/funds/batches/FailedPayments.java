package cn.yiyang.funds.batches;

import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The payments a bank returned FAILED whose money is back on the budget (a reversal of the failed
 * transfer POSTED: the import's own once an approver posted it, or an officer's reversal if that one
 * expired), offered again by the next batch of their kind under a key of their own
 * ({@code retry:<failed transfer>}), so each is paid once more at most: none that a transfer or a live
 * batch already holds is offered.
 */
final class FailedPayments {

    /** Failed payments one batch offers again at most; the next batch takes the rest. */
    static final int OFFERED_PER_BATCH_MAX = 10_000;
    static final String KEY_PREFIX = "retry:";
    private static final UUID NO_CREATION = new UUID(0, 0);

    private FailedPayments() {
    }

    /** {@code creation}: the batch being created that asks (null: one made in its request); none another creation staged. */
    static Uni<List<PlannedItem>> toOffer(String county, BatchKind kind, UUID creation) {
        return NativeSql.select("""
                        select i.payee_account_id, i.amount_fen, i.resident_id, i.age, i.street_code, r.transfer_id::text as transfer_id,
                               b.month
                        from funds.bank_return_item r
                        join funds.batch_item i on i.batch_id = r.batch_id and i.seq = r.seq
                        join funds.batch b on b.id = r.batch_id
                        where r.county = ?1 and r.outcome = 'FAILED' and b.kind = ?2
                          and exists (select 1 from funds.transfer rv join funds.transfer_resolution rr on rr.transfer_id = rv.id
                                      where rv.county = ?1 and rv.reverses_id = r.transfer_id and rr.outcome = 'POSTED')
                          and not exists (select 1 from funds.transfer t where t.county = ?1 and t.client_key = 'retry:' || r.transfer_id::text)
                          and not exists (select 1 from funds.batch_item i2 join funds.batch b2 on b2.id = i2.batch_id
                                          left join funds.batch_resolution r2 on r2.batch_id = b2.id
                                          where b2.county = ?1 and i2.client_key = 'retry:' || r.transfer_id::text
                                            and (r2.outcome is null or r2.outcome = 'POSTED'))
                          and not exists (select 1 from funds.batch_item_staged s join funds.batch_creation c on c.batch_id = s.batch_id
                                          where c.county = ?1 and c.state = 'CREATING' and c.batch_id <> ?3
                                            and s.client_key = 'retry:' || r.transfer_id::text)
                        order by r.recorded_at, r.transfer_id""" + " limit " + OFFERED_PER_BATCH_MAX, county, kind.name(),
                        creation == null ? NO_CREATION : creation)
                .map(rows -> {
                    List<PlannedItem> items = new ArrayList<>();
                    for (SqlRow r : rows) {
                        String resident = r.text("resident_id");
                        items.add(new PlannedItem(resident, null, r.uuid("payee_account_id"), KEY_PREFIX + r.text("transfer_id"),
                                r.fen("amount_fen"), resident, r.integerOrNull("age"), "补发 " + r.text("month"), null, List.of(),
                                r.text("street_code"), List.of()));
                    }
                    return items;
                });
    }
}
