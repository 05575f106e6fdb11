package cn.yiyang.funds.payout;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.payout.PayoutRequests.PaymentFilePage;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code GET /v1/batches/{id}/payment-file?afterSeq=}: a posted batch's 代发 file for the county's bank
 * ({@link BankFileLayout}), {@value #ITEMS_PER_PAGE_MAX} items a page (under Lambda's 6 MB answer);
 * {@code x-next-after-seq} names where the next page starts. It is the one answer that carries whole
 * account numbers: each page issued is recorded in the audit trail (who, which items).
 */
@ApplicationScoped
public class PaymentFile {

    public static final int ITEMS_PER_PAGE_MAX = 20_000;

    private final PayoutAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    public PaymentFile(PayoutAccounts accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> page(Caller caller, PaymentFilePage r) {
        String county = caller.county();
        UUID batch = AccountService.uuid(r.id(), "Batch");
        int afterSeq = r.afterSeq() == null ? 0 : r.afterSeq();
        if (afterSeq < 0) {
            throw ApiException.invalid("afterSeq", "BAD_NUMBER", "An item sequence number, 0 or more");
        }
        return NativeSql.first("""
                        select b.month, b.item_count, b.total_fen, r.outcome from funds.batch b
                        left join funds.batch_resolution r on r.batch_id = b.id where b.id = ?1 and b.county = ?2""", batch, county)
                .flatMap(found -> {
                    Object[] b = found.orElseThrow(() -> ApiException.notFound("Batch"));
                    if (!"POSTED".equals(NativeSql.text(b[3]))) {
                        throw new ApiException(FundProblem.BATCH_NOT_POSTED, "A payment file is made of a posted batch only");
                    }
                    return items(county, batch, afterSeq).flatMap(rows -> lines(county, batch, b, afterSeq, rows)
                            .flatMap(file -> audit.append(county, caller.subject(), "PAYMENT_FILE_ISSUED", "BATCH", batch.toString(),
                                    issued(batch, afterSeq, rows), CountyTime.now(clock)).replaceWith(reply(file, rows))));
                });
    }

    private static Uni<List<Object[]>> items(String county, UUID batch, int afterSeq) {
        return NativeSql.rows("""
                        select i.seq, t.id::text, i.resident_id, i.amount_fen from funds.batch_item i
                        join funds.transfer t on t.county = ?2 and t.client_key = i.client_key
                        where i.batch_id = ?1 and i.seq > ?3 order by i.seq""" + " limit " + (ITEMS_PER_PAGE_MAX + 1),
                batch, county, afterSeq);
    }

    private Uni<String> lines(String county, UUID batch, Object[] b, int afterSeq, List<Object[]> rows) {
        List<Object[]> page = rows.subList(0, Math.min(rows.size(), ITEMS_PER_PAGE_MAX));
        List<String> residents = page.stream().map(r -> NativeSql.text(r[2])).filter(Objects::nonNull).toList();
        return accounts.inForce(county, residents).flatMap(inForce -> {
            StringBuilder file = new StringBuilder();
            if (afterSeq == 0) {
                file.append(BankFileLayout.line("H", BankFileLayout.PAYMENT_FORMAT, county, batch, NativeSql.text(b[0]),
                        NativeSql.number(b[1]), NativeSql.number(b[2])));
            }
            for (Object[] r : page) {
                PayoutAccounts.InForce a = r[2] == null ? null : inForce.get(NativeSql.text(r[2]));
                file.append(BankFileLayout.line("D", NativeSql.number(r[0]), NativeSql.text(r[1]),
                        a == null ? BankFileLayout.NONE : a.kind(), a == null ? BankFileLayout.NONE : a.bankCode(),
                        a == null ? BankFileLayout.NONE : a.accountNumber(), a == null ? BankFileLayout.NONE : a.holderName(),
                        NativeSql.number(r[3])));
            }
            if (rows.size() > ITEMS_PER_PAGE_MAX) {
                return Uni.createFrom().item(file.toString());
            }
            return checksum(county, batch).map(sum -> file.append(BankFileLayout.line("T", NativeSql.number(b[1]),
                    NativeSql.number(b[2]), sum)).toString());
        });
    }

    /** SHA-256 over every item's seq, transfer and amount: what the bank's totals line is checked against. */
    public static Uni<String> checksum(String county, UUID batch) {
        return NativeSql.first("""
                        select encode(sha256(convert_to(string_agg(concat_ws('|', i.seq, t.id, i.amount_fen) || chr(10), '' order by i.seq),
                                 'UTF8')), 'hex')
                        from funds.batch_item i join funds.transfer t on t.county = ?2 and t.client_key = i.client_key
                        where i.batch_id = ?1""", batch, county)
                .map(row -> NativeSql.text(row.orElseThrow()[0]));
    }

    private static Map<String, Object> issued(UUID batch, int afterSeq, List<Object[]> rows) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("batchId", batch.toString());
        fact.put("afterSeq", afterSeq);
        fact.put("items", Math.min(rows.size(), ITEMS_PER_PAGE_MAX));
        return fact;
    }

    private static Reply reply(String file, List<Object[]> rows) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "text/plain; charset=utf-8",
                "content-disposition", "attachment; filename=\"daifa.txt\""));
        if (rows.size() > ITEMS_PER_PAGE_MAX) {
            headers.put("x-next-after-seq", Long.toString(NativeSql.number(rows.get(ITEMS_PER_PAGE_MAX - 1)[0])));
        }
        return new Reply(200, file, headers);
    }
}
