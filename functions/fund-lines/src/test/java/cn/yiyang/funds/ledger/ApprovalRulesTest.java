package cn.yiyang.funds.ledger;

import static cn.yiyang.funds.ledger.LedgerExamples.MAKER;
import static cn.yiyang.funds.ledger.LedgerExamples.MEAL_LINE;
import static cn.yiyang.funds.ledger.LedgerExamples.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.funds.lines.FundSettings;
import cn.yiyang.kernel.problem.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maker-checker and the transfer's state machine, without a door or a store. */
class ApprovalRulesTest {

    private final NewTransfer payment = LedgerExamples.payment(LedgerExamples.budget(MEAL_LINE, 10_000, 0),
            LedgerExamples.payee(MEAL_LINE), 500);

    private static String refusal(Runnable check) {
        try {
            check.run();
            return "OK";
        } catch (ApiException refused) {
            return refused.code().name();
        }
    }

    @Test
    void aPendingTransfer_takesExactlyOneResolution_andNeverGoesBack() {
        TransferStatus[] outcomes = {TransferStatus.POSTED, TransferStatus.REJECTED, TransferStatus.VOIDED, TransferStatus.EXPIRED};
        for (TransferStatus outcome : outcomes) {
            assertThat(ApprovalRules.resolve(TransferStatus.PENDING, outcome)).isEqualTo(outcome);
            for (TransferStatus next : outcomes) {
                assertThat(refusal(() -> ApprovalRules.resolve(outcome, next))).as(outcome + " → " + next)
                        .isEqualTo("ALREADY_RESOLVED");
            }
        }
        assertThatThrownBy(() -> ApprovalRules.resolve(TransferStatus.PENDING, TransferStatus.PENDING))
                .as("PENDING is no resolution").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anApproval_isRefusedToTheMaker_toASecondApprovalByOneApprover_andPastTheDeadline_inThatOrder() {
        Transfer fresh = LedgerExamples.made(payment, MAKER, 2, List.of());
        Transfer approvedOnce = LedgerExamples.made(payment, MAKER, 2, List.of("approver-1"));
        Object[][] cases = {
                // transfer, approver, when → outcome
                {fresh, "approver-1", NOW, "OK"},
                {fresh, MAKER, NOW, "APPROVER_IS_MAKER"},
                {approvedOnce, "approver-1", NOW, "ALREADY_APPROVED"},
                {approvedOnce, "approver-2", NOW, "OK"},
                {fresh, "approver-1", fresh.expiresAt(), "TRANSFER_EXPIRED"},
                {fresh, "approver-1", fresh.expiresAt().minusSeconds(1), "OK"},
                {fresh, MAKER, fresh.expiresAt().plusDays(1), "APPROVER_IS_MAKER"},
                {approvedOnce, "approver-1", approvedOnce.expiresAt().plusDays(1), "ALREADY_APPROVED"},
        };
        for (Object[] c : cases) {
            Transfer t = (Transfer) c[0];
            String approver = (String) c[1];
            assertThat(refusal(() -> ApprovalRules.checkApproval(t, approver, (java.time.OffsetDateTime) c[2])))
                    .as(approver + " on " + t.approvers() + " at " + c[2]).isEqualTo(c[3]);
        }
    }

    @Test
    void aboveTheCountyThreshold_twoDistinctApprovalsPost_atOrBelowItOne() {
        FundSettings.Settings settings = new FundSettings.Settings(100_000L, 72);
        Object[][] cases = {
                // amount → approvals required
                {1L, 1}, {99_999L, 1}, {100_000L, 1}, {100_001L, 2}, {TransferRules.AMOUNT_FEN_MAX, 2},
        };
        for (Object[] c : cases) {
            assertThat(settings.approvalsRequiredFor((Long) c[0])).as(c[0] + " fen").isEqualTo(c[1]);
        }
        assertThat(new FundSettings.Settings(0L, 72).approvalsRequiredFor(1)).as("a threshold of 0: every transfer needs two")
                .isEqualTo(2);
    }

    @Test
    void theApprovalThatCompletesTheRequiredOnes_postsTheTransfer() {
        assertThat(ApprovalRules.completes(0, 1)).isTrue();
        assertThat(ApprovalRules.completes(0, 2)).isFalse();
        assertThat(ApprovalRules.completes(1, 2)).isTrue();
    }

    @Test
    void twoApprovers_walkATransferAboveTheThresholdToPosted_andTheMakerNeverCounts() {
        List<String> approvers = new ArrayList<>();
        TransferStatus status = TransferStatus.PENDING;
        for (String approver : List.of(MAKER, "approver-1", "approver-1", "approver-2")) {
            Transfer now = LedgerExamples.made(payment, MAKER, 2, approvers);
            if (!refusal(() -> ApprovalRules.checkApproval(now, approver, NOW)).equals("OK")) {
                continue;
            }
            if (ApprovalRules.completes(approvers.size(), now.requiredApprovals())) {
                status = ApprovalRules.resolve(status, TransferStatus.POSTED);
            }
            approvers.add(approver);
        }
        assertThat(approvers).containsExactly("approver-1", "approver-2");
        assertThat(status).isEqualTo(TransferStatus.POSTED);
    }

    @Test
    void aBatch_followsTheSameMakerAndTwiceRules() {
        assertThat(refusal(() -> ApprovalRules.checkApprover("batch", MAKER, List.of(), MAKER))).isEqualTo("APPROVER_IS_MAKER");
        assertThat(refusal(() -> ApprovalRules.checkApprover("batch", MAKER, List.of("a-1"), "a-1"))).isEqualTo("ALREADY_APPROVED");
        assertThat(refusal(() -> ApprovalRules.checkApprover("batch", MAKER, List.of("a-1"), "a-2"))).isEqualTo("OK");
    }

    @Test
    void aRejection_needsAReason_aVoidingMayGiveOne_andNeitherMoreThanTheLimit() {
        Object[][] cases = {
                // outcome, reason → the reason kept, or the refusal
                {TransferStatus.REJECTED, "票据不全", "票据不全"},
                {TransferStatus.REJECTED, null, "VALIDATION_FAILED"},
                {TransferStatus.REJECTED, "  ", "VALIDATION_FAILED"},
                {TransferStatus.VOIDED, null, null},
                {TransferStatus.VOIDED, " ", null},
                {TransferStatus.VOIDED, " 填错金额 ", "填错金额"},
                {TransferStatus.VOIDED, "理".repeat(ApprovalRules.REASON_CHARS_MAX), "理".repeat(ApprovalRules.REASON_CHARS_MAX)},
                {TransferStatus.VOIDED, "理".repeat(ApprovalRules.REASON_CHARS_MAX + 1), "VALIDATION_FAILED"},
        };
        for (Object[] c : cases) {
            String kept;
            try {
                kept = ApprovalRules.reason((TransferStatus) c[0], (String) c[1]);
            } catch (ApiException refused) {
                kept = refused.code().name();
            }
            assertThat(kept).as(c[0] + " " + c[1]).isEqualTo(c[2]);
        }
    }
}
