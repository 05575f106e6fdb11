package cn.yiyang.funds.batches;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.Account;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.ledger.ApprovalService;
import cn.yiyang.funds.ledger.NewTransfer;
import cn.yiyang.funds.ledger.Transfer;
import cn.yiyang.funds.ledger.TransferKind;
import cn.yiyang.funds.ledger.TransferQueries;
import cn.yiyang.funds.ledger.TransferService;
import cn.yiyang.funds.batches.BatchRequests.Cancellation;
import cn.yiyang.funds.ledger.ApprovalRules;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maker-checker for a batch, once for the whole batch: an approver who is not its maker (two distinct
 * approvers when the batch's total is above the county's threshold). The approval that completes it
 * posts every item in this one transaction, or, if any item cannot be paid, posts none and records
 * the batch REFUSED naming the item and why. An officer may cancel a DRAFT.
 */
@ApplicationScoped
public class BatchApproval {

    public static final int REASON_CHARS_MAX = 200;

    private final TransferService transfers;
    private final ApprovalService approvals;
    private final AuditTrail audit;
    private final Clock clock;

    public BatchApproval(TransferService transfers, ApprovalService approvals, AuditTrail audit, Clock clock) {
        this.transfers = transfers;
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> approve(Caller caller, ById request) {
        UUID id = AccountService.uuid(request.id(), "Batch");
        String approver = caller.subject();
        OffsetDateTime now = CountyTime.now(clock);
        return draft(caller.county(), id).flatMap(b -> {
            ApprovalRules.checkApprover("batch", b.maker(), b.approvers(), approver);
            List<String> all = new ArrayList<>(b.approvers());
            all.add(approver);
            return NativeSql.update("insert into funds.batch_approval (batch_id, approver, approved_at) values (?1, ?2, ?3)",
                            id, approver, now)
                    .flatMap(v -> ApprovalRules.completes(b.approvers().size(), b.requiredApprovals())
                            ? post(b, all, now)
                            : audit.append(b.county(), approver, "BATCH_APPROVED", "BATCH", id.toString(),
                                    Map.of("approver", approver, "approvals", all.size()), now));
        }).flatMap(v -> BatchQueries.find(caller.county(), id)).flatMap(b -> BatchReports.view(b, 0)).map(Reply::ok);
    }

    public Uni<Reply> cancel(Caller caller, Cancellation r) {
        UUID id = AccountService.uuid(r.id(), "Batch");
        if (r.reason() == null || r.reason().isBlank() || FreeText.length(r.reason()) > REASON_CHARS_MAX) {
            throw ApiException.invalid("reason", "REQUIRED", "Why the batch is withdrawn, 1 to " + REASON_CHARS_MAX + " characters");
        }
        OffsetDateTime now = CountyTime.now(clock);
        return draft(caller.county(), id)
                .flatMap(b -> resolve(b, BatchStatus.CANCELLED, caller.subject(), null, null, r.reason().strip(), now))
                .flatMap(v -> BatchQueries.find(caller.county(), id)).flatMap(b -> BatchReports.view(b, 0)).map(Reply::ok);
    }

    /** The county's batch, locked, still a DRAFT; otherwise 404 or ALREADY_RESOLVED. */
    private static Uni<Batch> draft(String county, UUID id) {
        return NativeSql.rows("select pg_advisory_xact_lock(hashtextextended('funds-batch:' || ?1, 0))", id.toString())
                .flatMap(v -> BatchQueries.find(county, id))
                .map(b -> {
                    if (!b.isDraft()) {
                        throw new ApiException(FundProblem.ALREADY_RESOLVED, "The batch is already " + b.status());
                    }
                    return b;
                });
    }

    private record Item(int seq, UUID payee, String clientKey, long amountFen, String causeRef) {
    }

    /**
     * The completing approval. The budget and every payee balance are locked first, in account-id
     * order (as the ledger's own updates are), so no payment can slip in between the check and the
     * posting and no audit append waits on a balance row. Then the check: an item whose key already
     * made a transfer, or the first item the budget cannot cover, refuses the whole batch.
     */
    private Uni<Void> post(Batch b, List<String> approvers, OffsetDateTime now) {
        String finalApprover = approvers.get(approvers.size() - 1);
        return NativeSql.rows("""
                        select i.seq, i.payee_account_id, i.client_key, i.amount_fen, i.cause_ref,
                               exists (select 1 from funds.transfer t where t.county = ?2 and t.client_key = i.client_key)
                        from funds.batch_item i where i.batch_id = ?1 order by i.seq""", b.id(), b.county())
                .flatMap(rows -> NativeSql.rows("""
                                select b.account_id, b.credits_posted - b.debits_posted - b.debits_pending
                                from funds.account_balance b
                                where b.account_id = ?1 or b.account_id in (select payee_account_id from funds.batch_item where batch_id = ?2)
                                order by b.account_id for update""", b.budgetAccountId(), b.id())
                        .flatMap(balances -> {
                            long available = balances.stream().filter(r -> NativeSql.uuid(r[0]).equals(b.budgetAccountId()))
                                    .mapToLong(r -> NativeSql.number(r[1])).findFirst().orElseThrow();
                            List<Item> items = new ArrayList<>();
                            long running = 0;
                            for (Object[] r : rows) {
                                Item item = new Item((int) NativeSql.number(r[0]), NativeSql.uuid(r[1]), NativeSql.text(r[2]),
                                        NativeSql.number(r[3]), NativeSql.text(r[4]));
                                if (NativeSql.bool(r[5])) {
                                    return resolve(b, BatchStatus.REFUSED, finalApprover, item.seq(), "ALREADY_PAID",
                                            "a transfer under " + item.clientKey() + " exists already", now);
                                }
                                running += item.amountFen();
                                if (running > available) {
                                    return resolve(b, BatchStatus.REFUSED, finalApprover, item.seq(), "INSUFFICIENT_FUNDS",
                                            "items 1.." + item.seq() + " need " + running + " fen; the budget has " + available
                                                    + " fen available", now);
                                }
                                items.add(item);
                            }
                            if (running != b.totalFen()) {
                                throw new IllegalStateException("batch " + b.id() + " items sum to " + running + ", not " + b.totalFen());
                            }
                            return AccountService.find(b.county(), b.budgetAccountId())
                                    .flatMap(budget -> pay(b, budget, items, 0, approvers, now))
                                    .flatMap(v -> resolve(b, BatchStatus.POSTED, finalApprover, null, null, null, now));
                        }));
    }

    private Uni<Void> pay(Batch b, Account budget, List<Item> items, int index, List<String> approvers, OffsetDateTime now) {
        if (index >= items.size()) {
            return Uni.createFrom().voidItem();
        }
        Item item = items.get(index);
        String memo = (b.kind() == BatchKind.ALLOWANCE ? "高龄津贴 " : "床位运营补贴 ") + b.month();
        return AccountService.find(b.county(), item.payee())
                .flatMap(payee -> transfers.createPending(b.county(), b.maker(), item.clientKey(),
                        new NewTransfer(budget, payee, item.amountFen(), TransferKind.PAYMENT, null, b.kind().causeType(),
                                item.causeRef(), memo), now))
                .flatMap(t -> approveItem(t, approvers, now))
                .flatMap(v -> pay(b, budget, items, index + 1, approvers, now));
    }

    /** The batch's approvals become the item's: the last of them for an item needing one, both for one needing two. */
    private Uni<Void> approveItem(Transfer t, List<String> approvers, OffsetDateTime now) {
        List<String> needed = approvers.subList(Math.max(0, approvers.size() - t.requiredApprovals()), approvers.size());
        if (needed.size() < t.requiredApprovals()) {
            throw new IllegalStateException("transfer " + t.id() + " needs more approvals than its batch had");
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String approver : needed) {
            chain = chain.flatMap(v -> TransferQueries.find(t.county(), t.id())).flatMap(current -> approvals.recordApproval(current, approver, now));
        }
        return chain;
    }

    private Uni<Void> resolve(Batch b, BatchStatus outcome, String by, Integer failedSeq, String failureCode, String reason,
                              OffsetDateTime now) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("outcome", outcome.name());
        fact.put("resolvedBy", by);
        fact.put("failedSeq", failedSeq);
        fact.put("failureCode", failureCode);
        fact.put("reason", reason);
        return NativeSql.update("""
                        insert into funds.batch_resolution (batch_id, county, outcome, resolved_by, failed_seq, failure_code, reason, resolved_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as int), cast(?6 as text), cast(?7 as text), ?8)""",
                        b.id(), b.county(), outcome.name(), by, failedSeq, failureCode, reason, now)
                .flatMap(v -> audit.append(b.county(), by, "BATCH_" + outcome.name(), "BATCH", b.id().toString(), fact, now));
    }
}
