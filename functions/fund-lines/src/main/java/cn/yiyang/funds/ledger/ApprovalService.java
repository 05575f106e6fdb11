package cn.yiyang.funds.ledger;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.accounts.Balances;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.gateway.dispatch.Call;
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

/**
 * Maker-checker: an approver who is not the maker approves (two distinct approvers above the
 * county's threshold) and the transfer posts; or an approver rejects, the maker's side voids, or
 * the deadline passes. Each is a new row, never an update: one resolution per transfer.
 */
@ApplicationScoped
public class ApprovalService {

    public static final int REASON_CHARS_MAX = 200;
    /** Transfers expired per county in one run of the job; the next run takes the rest. */
    public static final int EXPIRED_PER_RUN_MAX = 500;

    private final AuditTrail audit;
    private final Clock clock;

    public ApprovalService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> approve(Call call) {
        UUID id = AccountService.uuid(call.pathParam("id"), "Transfer");
        String approver = call.caller().subject();
        OffsetDateTime now = CountyTime.now(clock);
        return pending(call, id).flatMap(t -> {
            if (t.maker().equals(approver)) {
                throw new ApiException(FundProblem.APPROVER_IS_MAKER, "The maker of a transfer cannot approve it");
            }
            if (t.approvers().contains(approver)) {
                throw new ApiException(FundProblem.ALREADY_APPROVED, "This approver has already approved the transfer");
            }
            if (!now.isBefore(t.expiresAt())) {
                throw new ApiException(FundProblem.TRANSFER_EXPIRED, "The transfer's approval deadline has passed");
            }
            return recordApproval(t, approver, now).flatMap(v -> TransferQueries.find(call.county(), id));
        }).map(t -> Reply.ok(TransferView.of(t)));
    }

    /**
     * One approval of a pending transfer the caller has locked and checked (not the maker, not twice,
     * not expired): the transfer posts when it has all the approvals it needs. Batches use it per item.
     */
    public Uni<Void> recordApproval(Transfer t, String approver, OffsetDateTime now) {
        boolean posts = t.approvers().size() + 1 >= t.requiredApprovals();
        return NativeSql.update(
                        "insert into funds.transfer_approval (transfer_id, approver, approved_at) values (?1, ?2, ?3)", t.id(), approver, now)
                .flatMap(v -> posts
                        ? resolve(t, TransferStatus.POSTED, approver, null, now)
                        : audit.append(t.county(), approver, "TRANSFER_APPROVED", "TRANSFER", t.id().toString(),
                                Map.of("approver", approver, "approvals", t.approvers().size() + 1), now));
    }

    public Uni<Reply> reject(Call call) {
        return close(call, TransferStatus.REJECTED, true);
    }

    public Uni<Reply> voidTransfer(Call call) {
        return close(call, TransferStatus.VOIDED, false);
    }

    /** The job: every pending transfer of the county past its deadline becomes EXPIRED, its reservation released. */
    public Uni<Reply> expire(Call call) {
        OffsetDateTime now = CountyTime.now(clock);
        return NativeSql.rows(Transfer.SELECT + """
                        where t.county = ?1 and r.transfer_id is null and t.expires_at <= ?2
                        order by t.expires_at """ + " limit " + EXPIRED_PER_RUN_MAX, call.county(), now)
                .map(rows -> rows.stream().map(Transfer::of).toList())
                .flatMap(due -> expireEach(due, 0, call, now).replaceWith(Reply.ok(Map.of("expired", due.size()))));
    }

    private Uni<Void> expireEach(List<Transfer> due, int index, Call call, OffsetDateTime now) {
        if (index >= due.size()) {
            return Uni.createFrom().voidItem();
        }
        return pending(call, due.get(index).id())
                .flatMap(t -> resolve(t, TransferStatus.EXPIRED, call.caller().subject(), "approval deadline passed", now))
                .onFailure(ApiException.class).recoverWithNull().replaceWithVoid()
                .flatMap(v -> expireEach(due, index + 1, call, now));
    }

    private Uni<Reply> close(Call call, TransferStatus outcome, boolean reasonRequired) {
        UUID id = AccountService.uuid(call.pathParam("id"), "Transfer");
        TransferRequests.Resolution r = call.body(TransferRequests.Resolution.class);
        if (reasonRequired && (r.reason() == null || r.reason().isBlank())) {
            throw ApiException.invalid("reason", "REQUIRED", "Why the transfer is " + outcome.name().toLowerCase());
        }
        if (r.reason() != null && r.reason().length() > REASON_CHARS_MAX) {
            throw ApiException.invalid("reason", "TOO_LONG", "At most " + REASON_CHARS_MAX + " characters");
        }
        String reason = r.reason() == null || r.reason().isBlank() ? null : r.reason().strip();
        OffsetDateTime now = CountyTime.now(clock);
        return pending(call, id)
                .flatMap(t -> resolve(t, outcome, call.caller().subject(), reason, now))
                .flatMap(v -> TransferQueries.find(call.county(), id))
                .map(t -> Reply.ok(TransferView.of(t)));
    }

    /** The county's transfer, locked and still pending; otherwise 404 or ALREADY_RESOLVED. */
    public static Uni<Transfer> pending(Call call, UUID id) {
        return TransferLocks.lock(id).flatMap(v -> TransferQueries.find(call.county(), id)).map(t -> {
            if (!t.isPending()) {
                throw new ApiException(FundProblem.ALREADY_RESOLVED, "The transfer is already " + t.status());
            }
            return t;
        });
    }

    /** Ends a pending transfer the caller has locked: POSTED moves the reservation to posted; any other outcome releases it. */
    public Uni<Void> resolve(Transfer t, TransferStatus outcome, String by, String reason, OffsetDateTime now) {
        Uni<Void> balances = outcome == TransferStatus.POSTED
                ? Balances.post(t.debitAccountId(), t.creditAccountId(), t.amountFen())
                : Balances.release(t.debitAccountId(), t.creditAccountId(), t.amountFen());
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("outcome", outcome.name());
        fact.put("resolvedBy", by);
        fact.put("reason", reason);
        return NativeSql.update("""
                        insert into funds.transfer_resolution (transfer_id, county, outcome, resolved_by, reason, resolved_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as text), ?6)""", t.id(), t.county(), outcome.name(), by, reason, now)
                .flatMap(v -> balances)
                .flatMap(v -> audit.append(t.county(), by, "TRANSFER_" + outcome.name(), "TRANSFER", t.id().toString(), fact, now));
    }
}
