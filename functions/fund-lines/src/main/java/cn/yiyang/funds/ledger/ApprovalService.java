package cn.yiyang.funds.ledger;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.accounts.Balances;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.ledger.TransferRequests.Resolution;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Maker-checker: an approver who is not the maker approves (two distinct approvers above the
 * county's threshold) and the transfer posts; or an approver rejects, the maker's side voids, or
 * the deadline passes. Each is a new row, never an update: one resolution per transfer. The rules
 * themselves are {@link ApprovalRules}.
 */
@ApplicationScoped
public class ApprovalService {

    /** Transfers expired per county in one run of the job; the next run takes the rest. */
    public static final int EXPIRED_PER_RUN_MAX = 500;

    private final AuditTrail audit;
    private final Clock clock;

    public ApprovalService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> approve(Caller caller, ById request) {
        UUID id = AccountService.uuid(request.id(), "Transfer");
        String approver = caller.subject();
        OffsetDateTime now = CountyTime.now(clock);
        return pending(caller.county(), id).flatMap(t -> {
            ApprovalRules.checkApproval(t, approver, now);
            TransferStatus after = ApprovalRules.completes(t.approvers().size(), t.requiredApprovals())
                    ? TransferStatus.POSTED : TransferStatus.PENDING;
            // the answer is the locked row with this approval added: what a read after the writes would show
            return recordApproval(t, approver, now).replaceWith(t.approvedBy(approver, after, now));
        }).map(t -> Reply.ok(TransferView.of(t)));
    }

    /**
     * One approval of a pending transfer the caller has locked and checked (not the maker, not twice,
     * not expired): the transfer posts when it has all the approvals it needs. Batches use it per item.
     */
    public Uni<Void> recordApproval(Transfer t, String approver, OffsetDateTime now) {
        boolean posts = ApprovalRules.completes(t.approvers().size(), t.requiredApprovals());
        // the approval's INSERT is not waited for: what follows rides behind it, and its failure comes first
        return NativeSql.send("insert into funds.transfer_approval (transfer_id, approver, approved_at) values (?1, ?2, ?3)",
                        t.id(), approver, now)
                .flatMap(approval -> approval.then(posts
                        ? resolve(t, TransferStatus.POSTED, approver, null, now)
                        : audit.append(t.county(), approver, "TRANSFER_APPROVED", "TRANSFER", t.id().toString(),
                                Map.of("approver", approver, "approvals", t.approvers().size() + 1), now), NativeSql.Sent::changed));
    }

    public Uni<Reply> reject(Caller caller, Resolution request) {
        return close(caller, request, TransferStatus.REJECTED);
    }

    public Uni<Reply> voidTransfer(Caller caller, Resolution request) {
        return close(caller, request, TransferStatus.VOIDED);
    }

    /** The job: every pending transfer of the county past its deadline becomes EXPIRED, its reservation released. */
    public Uni<Reply> expire(Caller scheduler, NoInput none) {
        OffsetDateTime now = CountyTime.now(clock);
        return NativeSql.select(Transfer.SELECT + """
                        where t.county = ?1 and r.transfer_id is null and t.expires_at <= ?2 and t.batch_id is null
                        order by t.expires_at """ + " limit " + EXPIRED_PER_RUN_MAX, scheduler.county(), now)
                .map(rows -> rows.stream().map(Transfer::of).toList())
                .flatMap(due -> expireEach(due, 0, scheduler, now).replaceWith(Reply.ok(Map.of("expired", due.size()))));
    }

    private Uni<Void> expireEach(List<Transfer> due, int index, Caller scheduler, OffsetDateTime now) {
        if (index >= due.size()) {
            return Uni.createFrom().voidItem();
        }
        return pending(scheduler.county(), due.get(index).id())
                .flatMap(t -> resolve(t, TransferStatus.EXPIRED, scheduler.subject(), "approval deadline passed", now))
                .onFailure(ApiException.class).recoverWithNull().replaceWithVoid()
                .flatMap(v -> expireEach(due, index + 1, scheduler, now));
    }

    private Uni<Reply> close(Caller caller, Resolution request, TransferStatus outcome) {
        UUID id = AccountService.uuid(request.id(), "Transfer");
        String reason = ApprovalRules.reason(outcome, request.reason());
        OffsetDateTime now = CountyTime.now(clock);
        return pending(caller.county(), id)
                .flatMap(t -> resolve(t, outcome, caller.subject(), reason, now))
                .flatMap(v -> TransferQueries.find(caller.county(), id))
                .map(t -> Reply.ok(TransferView.of(t)));
    }

    /**
     * The county's transfer, locked and still pending; otherwise 404 or ALREADY_RESOLVED. A pending
     * transfer of a batch being posted is the batch's to post: TRANSFER_OF_A_BATCH.
     */
    public static Uni<Transfer> pending(String county, UUID id) {
        return TransferLocks.lockThen(id, () -> TransferQueries.find(county, id)).flatMap(t -> {
            if (!t.isPending()) {
                throw new ApiException(FundProblem.ALREADY_RESOLVED, "The transfer is already " + t.status());
            }
            if (t.batchId() != null) {
                throw new ApiException(FundProblem.TRANSFER_OF_A_BATCH, "The transfer is posted with batch " + t.batchId());
            }
            return Uni.createFrom().item(t);
        });
    }

    /** Ends a pending transfer the caller has locked: POSTED moves the reservation to posted; any other outcome releases it. */
    public Uni<Void> resolve(Transfer t, TransferStatus outcome, String by, String reason, OffsetDateTime now) {
        ApprovalRules.resolve(t.status(), outcome);
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("outcome", outcome.name());
        fact.put("resolvedBy", by);
        fact.put("reason", reason);
        Supplier<Uni<Void>> audited = () -> audit.append(t.county(), by, "TRANSFER_" + outcome.name(), "TRANSFER",
                t.id().toString(), fact, now);
        Uni<Void> balances = outcome == TransferStatus.POSTED
                ? Balances.post(t.debitAccountId(), t.creditAccountId(), t.amountFen(), audited)
                : Balances.release(t.debitAccountId(), t.creditAccountId(), t.amountFen(), audited);
        // the resolution's INSERT is not waited for: the balances ride behind it, and the audit's lock and head behind
        // them (one resolution per transfer, its primary key the backstop: a second one fails the transaction, and that
        // failure comes first)
        return NativeSql.send("""
                        insert into funds.transfer_resolution (transfer_id, county, outcome, resolved_by, reason, resolved_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as text), ?6)""", t.id(), t.county(), outcome.name(), by, reason, now)
                .flatMap(resolution -> resolution.then(balances, NativeSql.Sent::changed));
    }
}
