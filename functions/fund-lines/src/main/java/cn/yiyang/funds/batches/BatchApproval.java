package cn.yiyang.funds.batches;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maker-checker for a batch, once for the whole batch: an approver who is not its maker (two distinct
 * approvers when the batch's total is above the county's threshold). The approval that completes it
 * checks the whole batch once and starts its posting ({@link BatchPosting}: a small batch is posted
 * in this same transaction), or, if any item cannot be paid, posts none and records the batch REFUSED
 * naming the item and why. An officer may cancel a DRAFT.
 */
@ApplicationScoped
public class BatchApproval {

    public static final int REASON_CHARS_MAX = 200;

    private final BatchPosting posting;
    private final AuditTrail audit;
    private final Clock clock;

    public BatchApproval(BatchPosting posting, AuditTrail audit, Clock clock) {
        this.posting = posting;
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
            return NativeSql.write("insert into funds.batch_approval (batch_id, approver, approved_at) values (?1, ?2, ?3)",
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

    /** The county's batch, locked, still a DRAFT; otherwise 404, BATCH_NOT_CREATED (still CREATING) or ALREADY_RESOLVED. */
    private static Uni<Batch> draft(String county, UUID id) {
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-batch:' || ?1, 0)) as locked", id.toString())
                .flatMap(v -> NativeSql.selectOne(Batch.SELECT + "where b.id = ?1 and b.county = ?2", id, county))
                .flatMap(row -> row.isPresent() ? Uni.createFrom().item(Batch.of(row.get()))
                        : BatchCreation.find(county, id).map(c -> {
                            if (c.creating()) {
                                throw new ApiException(FundProblem.BATCH_NOT_CREATED, "The batch is still being created: "
                                        + c.itemsDone() + " items written");
                            }
                            throw new ApiException(FundProblem.ALREADY_RESOLVED, "The batch's creation failed: " + c.failureCode());
                        }))
                .map(b -> {
                    if (!b.isDraft()) {
                        throw new ApiException(FundProblem.ALREADY_RESOLVED, "The batch is already " + b.status());
                    }
                    return b;
                });
    }

    /**
     * The completing approval checks the batch once, set-based: an item whose key already made a
     * transfer, or the first item (in seq order) past what the budget has available, refuses the whole
     * batch. The budget's balance row is locked first, so no payment slips in between the check and
     * the reservation the posting starts with.
     */
    private Uni<Void> post(Batch b, List<String> approvers, OffsetDateTime now) {
        String finalApprover = approvers.get(approvers.size() - 1);
        return NativeSql.selectOne("""
                        select i.seq, i.client_key from funds.batch_item i
                        join funds.transfer t on t.county = ?2 and t.client_key = i.client_key
                        where i.batch_id = ?1 order by i.seq limit 1""", b.id(), b.county())
                .flatMap(paid -> {
                    if (paid.isPresent()) {
                        return BatchResolutions.record(audit, b, BatchStatus.REFUSED, finalApprover,
                                (int) paid.get().number("seq"), "ALREADY_PAID",
                                "a transfer under " + paid.get().text("client_key") + " exists already", null, now);
                    }
                    return NativeSql.selectOne("""
                                    select credits_posted - debits_posted - debits_pending as available from funds.account_balance
                                    where account_id = ?1 for update""", b.budgetAccountId())
                            .flatMap(balance -> {
                                long available = balance.orElseThrow().fen("available");
                                return available >= b.totalFen() ? posting.start(b, approvers, now)
                                        : refuseShort(b, finalApprover, available, now);
                            });
                });
    }

    /** The first item whose running total passes what the budget has available is the one named. */
    private Uni<Void> refuseShort(Batch b, String approver, long available, OffsetDateTime now) {
        return NativeSql.selectOne("""
                        select seq, running from (select seq, sum(amount_fen) over (order by seq) as running
                                                  from funds.batch_item where batch_id = ?1) s
                        where running > ?2 order by seq limit 1""", b.id(), available)
                .flatMap(row -> {
                    int seq = (int) row.orElseThrow().number("seq");
                    long running = row.get().fen("running");
                    return BatchResolutions.record(audit, b, BatchStatus.REFUSED, approver, seq, "INSUFFICIENT_FUNDS",
                            "items 1.." + seq + " need " + running + " fen; the budget has " + available + " fen available",
                            null, now);
                });
    }

    private Uni<Void> resolve(Batch b, BatchStatus outcome, String by, Integer failedSeq, String failureCode, String reason,
                              OffsetDateTime now) {
        return BatchResolutions.record(audit, b, outcome, by, failedSeq, failureCode, reason, null, now);
    }
}
