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
import cn.yiyang.stores.pg.SqlRow;
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
        return NativeSql.selectOne("""
                        select b.month, b.item_count, b.total_fen, r.outcome from funds.batch b
                        left join funds.batch_resolution r on r.batch_id = b.id where b.id = ?1 and b.county = ?2""", batch, county)
                .flatMap(found -> {
                    SqlRow b = found.orElseThrow(() -> ApiException.notFound("Batch"));
                    if (!"POSTED".equals(b.text("outcome"))) {
                        throw new ApiException(FundProblem.BATCH_NOT_POSTED, "A payment file is made of a posted batch only");
                    }
                    return items(county, batch, afterSeq).flatMap(rows -> lines(county, batch, b, afterSeq, rows)
                            .flatMap(file -> audit.append(county, caller.subject(), "PAYMENT_FILE_ISSUED", "BATCH", batch.toString(),
                                    issued(batch, afterSeq, rows), CountyTime.now(clock)).replaceWith(reply(file, rows))));
                });
    }

    /**
     * The page's items with whom each pays: a resident (an allowance item names them) or a caregiver (the payee
     * account of a caregiver-post item names them); an institution's item has no payout account here.
     */
    private static Uni<List<SqlRow>> items(String county, UUID batch, int afterSeq) {
        return NativeSql.select("""
                        select i.seq, t.id::text as transfer_id, i.amount_fen,
                               case when i.resident_id is not null then 'RESIDENT' when a.payee_type = 'CAREGIVER' then 'CAREGIVER' end
                                 as payee_type,
                               coalesce(i.resident_id, case when a.payee_type = 'CAREGIVER' then a.payee_ref end) as payee_ref
                        from funds.batch_item i
                        join funds.transfer t on t.county = ?2 and t.client_key = i.client_key
                        join funds.account a on a.id = i.payee_account_id
                        where i.batch_id = ?1 and i.seq > ?3 order by i.seq""" + " limit " + (ITEMS_PER_PAGE_MAX + 1),
                batch, county, afterSeq);
    }

    private Uni<String> lines(String county, UUID batch, SqlRow b, int afterSeq, List<SqlRow> rows) {
        List<SqlRow> page = rows.subList(0, Math.min(rows.size(), ITEMS_PER_PAGE_MAX));
        return inForce(county, page, PayoutAccounts.RESIDENT).flatMap(residents -> inForce(county, page, PayoutAccounts.CAREGIVER)
                .flatMap(caregivers -> {
                    StringBuilder file = new StringBuilder();
                    if (afterSeq == 0) {
                        file.append(BankFileLayout.line("H", BankFileLayout.PAYMENT_FORMAT, county, batch, b.text("month"),
                                b.number("item_count"), b.fen("total_fen")));
                    }
                    for (SqlRow r : page) {
                        Map<String, PayoutAccounts.InForce> byRef = PayoutAccounts.CAREGIVER.equals(r.text("payee_type"))
                                ? caregivers : residents;
                        PayoutAccounts.InForce a = r.isNull("payee_ref") ? null : byRef.get(r.text("payee_ref"));
                        file.append(BankFileLayout.line("D", r.number("seq"), r.text("transfer_id"),
                                a == null ? BankFileLayout.NONE : a.kind(), a == null ? BankFileLayout.NONE : a.bankCode(),
                                a == null ? BankFileLayout.NONE : a.accountNumber(), a == null ? BankFileLayout.NONE : a.holderName(),
                                r.fen("amount_fen")));
                    }
                    if (rows.size() > ITEMS_PER_PAGE_MAX) {
                        return Uni.createFrom().item(file.toString());
                    }
                    return checksum(county, batch).map(sum -> file.append(BankFileLayout.line("T", b.number("item_count"),
                            b.fen("total_fen"), sum)).toString());
                }));
    }

    /** The accounts in force of the page's payees of one type; none asked when the page has none of them. */
    private Uni<Map<String, PayoutAccounts.InForce>> inForce(String county, List<SqlRow> page, String payeeType) {
        List<String> refs = page.stream().filter(r -> payeeType.equals(r.text("payee_type"))).map(r -> r.text("payee_ref"))
                .filter(Objects::nonNull).toList();
        return refs.isEmpty() ? Uni.createFrom().item(Map.of()) : accounts.inForce(county, payeeType, refs);
    }

    /** SHA-256 over every item's seq, transfer and amount: what the bank's totals line is checked against. */
    public static Uni<String> checksum(String county, UUID batch) {
        return NativeSql.selectOne("""
                        select encode(sha256(convert_to(string_agg(concat_ws('|', i.seq, t.id, i.amount_fen) || chr(10), '' order by i.seq),
                                 'UTF8')), 'hex') as checksum
                        from funds.batch_item i join funds.transfer t on t.county = ?2 and t.client_key = i.client_key
                        where i.batch_id = ?1""", batch, county)
                .map(row -> row.orElseThrow().text("checksum"));
    }

    private static Map<String, Object> issued(UUID batch, int afterSeq, List<SqlRow> rows) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("batchId", batch.toString());
        fact.put("afterSeq", afterSeq);
        fact.put("items", Math.min(rows.size(), ITEMS_PER_PAGE_MAX));
        return fact;
    }

    private static Reply reply(String file, List<SqlRow> rows) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "text/plain; charset=utf-8",
                "content-disposition", "attachment; filename=\"daifa.txt\""));
        if (rows.size() > ITEMS_PER_PAGE_MAX) {
            headers.put("x-next-after-seq", Long.toString(rows.get(ITEMS_PER_PAGE_MAX - 1).number("seq")));
        }
        return new Reply(200, file, headers);
    }
}
