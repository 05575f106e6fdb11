package cn.yiyang.funds.audit;

import cn.yiyang.funds.audit.AuditVerifier.Break;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;

/**
 * The transfers a batch posting made have no audit entry each: they are proved, set-based, against
 * the batch's items (which the hash in BATCH_CREATED proves) and the batch itself, and their
 * resolutions against the batch's one POSTED resolution (whose entry carries a hash over them).
 */
final class BatchTransferChecks {

    record Result(long count, Break firstBreak) {
    }

    private BatchTransferChecks() {
    }

    /** Every batch transfer is its item's payment: same key, payee, amount and cause, from the batch's budget, by its maker. */
    static Uni<Result> transfers(String county) {
        return NativeSql.selectOne("""
                        with checked as (
                          select t.id, (i.seq is null or p.batch_id is null or t.credit_account_id <> i.payee_account_id
                                 or t.amount_fen <> i.amount_fen or t.debit_account_id <> b.budget_account_id
                                 or t.fund_line_id <> b.fund_line_id or t.kind <> 'PAYMENT' or t.reverses_id is not null
                                 or t.cause_type is distinct from i.cause_type or t.cause_ref is distinct from i.cause_ref
                                 or t.maker <> b.maker) as broken
                          from funds.transfer t join funds.batch b on b.id = t.batch_id
                          left join funds.batch_item i on i.batch_id = b.id and i.client_key = t.client_key
                          left join funds.batch_posting p on p.batch_id = b.id
                          where t.county = ?1 and t.batch_id is not null)
                        select count(*) as checked, (select c.id::text from checked c where c.broken order by c.id limit 1) as broken_id
                        from checked""",
                        county)
                .map(row -> {
                    SqlRow r = row.orElseThrow();
                    return r.isNull("broken_id") ? new Result(r.number("checked"), null) : new Result(0, new Break("TRANSFER_ALTERED",
                            null, r.text("broken_id"), "the transfer differs from the batch item it pays"));
                });
    }

    /** Every resolution of a batch transfer is POSTED by the batch's own POSTED resolution. */
    static Uni<Result> resolutions(String county) {
        return NativeSql.selectOne("""
                        select tr.transfer_id::text as transfer_id from funds.transfer_resolution tr
                        join funds.transfer t on t.id = tr.transfer_id
                        left join funds.batch_resolution br on br.batch_id = t.batch_id
                        where tr.county = ?1 and t.batch_id is not null
                          and (br.outcome is distinct from 'POSTED' or tr.outcome <> 'POSTED' or tr.resolved_by <> br.resolved_by
                               or tr.reason is not null)
                        limit 1""", county)
                .flatMap(broken -> broken.isPresent()
                        ? Uni.createFrom().item(new Result(0, new Break("RESOLUTION_ALTERED", null, broken.get().text("transfer_id"),
                                "the batch transfer's resolution differs from its batch's")))
                        : count("""
                                select count(*) as n from funds.transfer_resolution tr join funds.transfer t on t.id = tr.transfer_id
                                where tr.county = ?1 and t.batch_id is not null""", county).map(n -> new Result(n, null)));
    }

    private static Uni<Long> count(String sql, String county) {
        return NativeSql.selectOne(sql, county).map(row -> row.orElseThrow().number("n"));
    }
}
