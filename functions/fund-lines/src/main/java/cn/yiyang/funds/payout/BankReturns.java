package cn.yiyang.funds.payout;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.audit.Canonical;
import cn.yiyang.funds.ledger.NewTransfer;
import cn.yiyang.funds.ledger.TransferKind;
import cn.yiyang.funds.ledger.TransferQueries;
import cn.yiyang.funds.ledger.TransferService;
import cn.yiyang.funds.payout.PayoutRequests.BankReturnImport;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /v1/batches/{id}/bank-returns}: the bank's return file for a posted batch. Every line is
 * checked against the batch first ({@link BankReturnFile}); a file that does not match is refused
 * whole, naming its first wrong line. Each item takes one outcome for ever: PAID is recorded; FAILED
 * is recorded with the bank's reason and its money goes back to the budget by a REVERSAL transfer naming
 * the item's transfer (keyed {@code bank-return:<transfer>}), made PENDING by the importing officer and
 * posted by an approver, as every transfer is (maker-checker: an officer alone never moves money, and a
 * FAILED line is what lets the next batch pay the item again); once it is posted, the next batch of the
 * kind offers the payment again. The same file twice answers the first import and changes nothing.
 */
@ApplicationScoped
public class BankReturns {

    /** The key a failed item's reversal is made under: one for ever per transfer. */
    public static final String REVERSAL_KEY_PREFIX = "bank-return:";

    private final TransferService transfers;
    private final AuditTrail audit;
    private final Clock clock;

    public BankReturns(TransferService transfers, AuditTrail audit, Clock clock) {
        this.transfers = transfers;
        this.audit = audit;
        this.clock = clock;
    }

    @RegisterForReflection
    public record Imported(UUID batchId, String fileHash, int lines, int paid, int failed, int unchanged, boolean alreadyImported) {
    }

    public Uni<Reply> importFile(Caller caller, BankReturnImport r) {
        String county = caller.county();
        UUID batch = AccountService.uuid(r.id(), "Batch");
        if (r.file() == null || r.file().isBlank()) {
            throw ApiException.invalid("file", "REQUIRED", "The bank's return file, as text");
        }
        String hash = Canonical.sha256(r.file());
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-batch:' || ?1, 0)) as locked", batch.toString())
                .flatMap(v -> NativeSql.selectOne("""
                        select r.outcome from funds.batch b left join funds.batch_resolution r on r.batch_id = b.id
                        where b.id = ?1 and b.county = ?2""", batch, county))
                .flatMap(found -> {
                    if (!"POSTED".equals(found.orElseThrow(() -> ApiException.notFound("Batch")).text("outcome"))) {
                        throw new ApiException(FundProblem.BATCH_NOT_POSTED, "Only a posted batch has a bank return");
                    }
                    return earlier(batch, hash);
                })
                .flatMap(earlier -> earlier.isPresent() ? Uni.createFrom().item(earlier.get())
                        : BankReturnFile.checked(county, batch, r.file()).flatMap(lines -> record(caller, batch, hash, lines)))
                .map(Reply::ok);
    }

    private static Uni<java.util.Optional<Imported>> earlier(UUID batch, String hash) {
        return NativeSql.selectOne("""
                        select lines, paid, failed, unchanged from funds.bank_return_file where batch_id = ?1 and file_hash = ?2""",
                        batch, hash)
                .map(row -> row.map(f -> new Imported(batch, hash, (int) f.number("lines"), (int) f.number("paid"),
                        (int) f.number("failed"), (int) f.number("unchanged"), true)));
    }

    private Uni<Imported> record(Caller caller, UUID batch, String hash, List<BankReturnFile.Line> lines) {
        OffsetDateTime now = CountyTime.now(clock);
        List<BankReturnFile.Line> fresh = lines.stream().filter(l -> !l.unchanged()).toList();
        int paid = (int) fresh.stream().filter(l -> !l.failed()).count();
        int failed = fresh.size() - paid;
        Imported imported = new Imported(batch, hash, lines.size(), paid, failed, lines.size() - fresh.size(), false);
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("batchId", batch.toString());
        fact.put("fileHash", hash);
        fact.put("lines", lines.size());
        fact.put("paid", paid);
        fact.put("failed", failed);
        fact.put("unchanged", imported.unchanged());
        return each(caller, batch, hash, fresh, 0, now)
                .flatMap(v -> NativeSql.write("""
                                insert into funds.bank_return_file (batch_id, file_hash, county, lines, paid, failed, unchanged, imported_by,
                                  imported_at)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""", batch, hash, caller.county(), lines.size(), paid, failed,
                        imported.unchanged(), caller.subject(), now))
                .flatMap(v -> audit.append(caller.county(), caller.subject(), "BANK_RETURN_IMPORTED", "BATCH", batch.toString(), fact, now))
                .replaceWith(imported);
    }

    private Uni<Void> each(Caller caller, UUID batch, String hash, List<BankReturnFile.Line> lines, int index, OffsetDateTime now) {
        if (index >= lines.size()) {
            return Uni.createFrom().voidItem();
        }
        BankReturnFile.Line line = lines.get(index);
        Uni<UUID> reversal = line.failed() ? reverse(caller, line, now) : Uni.createFrom().nullItem();
        return reversal.flatMap(reversalId -> NativeSql.write("""
                                insert into funds.bank_return_item (batch_id, seq, county, transfer_id, outcome, reason, reversal_id, file_hash,
                                  recorded_at)
                                values (?1, ?2, ?3, ?4, ?5, cast(?6 as text), cast(?7 as uuid), ?8, ?9)""",
                        batch, line.seq(), caller.county(), line.transferId(), line.failed() ? "FAILED" : "PAID", line.reason(),
                        reversalId == null ? null : reversalId.toString(), hash, now))
                .flatMap(v -> each(caller, batch, hash, lines, index + 1, now));
    }

    /** The failed payment's money back to the budget: a PENDING REVERSAL, for an approver to post like any reversal. */
    private Uni<UUID> reverse(Caller caller, BankReturnFile.Line line, OffsetDateTime now) {
        String county = caller.county();
        return TransferQueries.find(county, line.transferId()).flatMap(original -> AccountService.find(county, original.creditAccountId())
                .flatMap(payee -> AccountService.find(county, original.debitAccountId())
                        .flatMap(budget -> transfers.createPending(county, caller.subject(), REVERSAL_KEY_PREFIX + original.id(),
                                new NewTransfer(payee, budget, original.amountFen(), TransferKind.REVERSAL, original.id(),
                                        original.causeType(), original.causeRef(), "代发失败退回"), now)))
                .map(t -> t.id()));
    }
}
