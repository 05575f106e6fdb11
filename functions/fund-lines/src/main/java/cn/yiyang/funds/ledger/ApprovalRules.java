package cn.yiyang.funds.ledger;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.text.FreeText;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Maker-checker and the transfer's states, as pure rules. A transfer is PENDING until exactly one
 * resolution is recorded (POSTED, REJECTED, VOIDED or EXPIRED) and never goes back. An approval is
 * checked in this order: still pending ({@code ALREADY_RESOLVED}), not by the maker
 * ({@code APPROVER_IS_MAKER}), not twice by one approver ({@code ALREADY_APPROVED}), before the
 * deadline ({@code TRANSFER_EXPIRED}); it posts the transfer when it completes the approvals needed.
 * Batches follow the same maker and twice rules for the whole batch.
 */
public final class ApprovalRules {

    public static final int REASON_CHARS_MAX = 200;
    /** Above the county's threshold a transfer needs this many distinct approvers; otherwise one. */
    public static final int APPROVERS_ABOVE_THRESHOLD = 2;

    private ApprovalRules() {
    }

    /** How many distinct approvers an amount needs under the county's threshold. */
    public static int approvalsRequiredFor(long amountFen, long dualApprovalAboveFen) {
        return amountFen > dualApprovalAboveFen ? APPROVERS_ABOVE_THRESHOLD : 1;
    }

    /** The one move of the state machine: a pending transfer takes one resolution; anything else is refused. */
    public static TransferStatus resolve(TransferStatus current, TransferStatus outcome) {
        if (outcome == TransferStatus.PENDING) {
            throw new IllegalArgumentException("PENDING is where a transfer starts, never a resolution");
        }
        if (current != TransferStatus.PENDING) {
            throw new ApiException(FundProblem.ALREADY_RESOLVED, "The transfer is already " + current);
        }
        return outcome;
    }

    /** Whether {@code approver} may approve, now, a pending transfer made by {@code maker} and approved so far by {@code approvers}. */
    public static void checkApproval(Transfer t, String approver, OffsetDateTime now) {
        checkApprover("transfer", t.maker(), t.approvers(), approver);
        if (!now.isBefore(t.expiresAt())) {
            throw new ApiException(FundProblem.TRANSFER_EXPIRED, "The transfer's approval deadline has passed");
        }
    }

    /** Maker ≠ approver, and each approver once: for a transfer and for a batch alike. */
    public static void checkApprover(String what, String maker, List<String> approvers, String approver) {
        if (maker.equals(approver)) {
            throw new ApiException(FundProblem.APPROVER_IS_MAKER, "The maker of a " + what + " cannot approve it");
        }
        if (approvers.contains(approver)) {
            throw new ApiException(FundProblem.ALREADY_APPROVED, "This approver has already approved the " + what);
        }
    }

    /** Whether one more approval, after {@code approvalsBefore}, completes the {@code required} ones. */
    public static boolean completes(int approvalsBefore, int required) {
        return approvalsBefore + 1 >= required;
    }

    /**
     * The reason of a rejection (required) or a voiding (optional), at most {@link #REASON_CHARS_MAX}
     * characters; blank means none.
     */
    public static String reason(TransferStatus outcome, String reason) {
        boolean blank = reason == null || reason.isBlank();
        if (outcome == TransferStatus.REJECTED && blank) {
            throw ApiException.invalid("reason", "REQUIRED", "Why the transfer is " + outcome.name().toLowerCase(Locale.ROOT));
        }
        if (reason != null && FreeText.length(reason) > REASON_CHARS_MAX) {
            throw ApiException.invalid("reason", "TOO_LONG", "At most " + REASON_CHARS_MAX + " characters");
        }
        return blank ? null : reason.strip();
    }
}
