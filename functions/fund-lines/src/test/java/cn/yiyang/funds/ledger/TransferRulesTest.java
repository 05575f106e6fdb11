package cn.yiyang.funds.ledger;

import static cn.yiyang.funds.ledger.LedgerExamples.MAKER;
import static cn.yiyang.funds.ledger.LedgerExamples.MEAL_LINE;
import static cn.yiyang.funds.ledger.LedgerExamples.SERVICE_LINE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.accounts.Account;
import cn.yiyang.funds.ledger.TransferRequests.Payment;
import cn.yiyang.kernel.problem.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A transfer request's checks and their precedence: fields, then key, then accounts, then funds. No door, no store. */
class TransferRulesTest {

    private final Account budget = LedgerExamples.budget(MEAL_LINE, 10_000, 2_000);
    private final Account source = LedgerExamples.source(MEAL_LINE);
    private final Account point = LedgerExamples.payee(MEAL_LINE);
    private final Account otherPoint = LedgerExamples.payee(MEAL_LINE);
    private final Account provider = LedgerExamples.payee(SERVICE_LINE);

    /** What a payment comes to: REPLAY, MAKE, or the code of the first check that refuses it. */
    private static String outcome(Payment request, Optional<Transfer> earlier, Account debit, Account credit) {
        try {
            TransferRules.requireValid(TransferRules.fieldErrors(request));
            NewTransfer t = new NewTransfer(debit, credit, request.amountFen(), TransferKind.PAYMENT, null,
                    request.causeType(), request.causeRef(), request.memo());
            return TransferRules.decide(earlier, t, MAKER) instanceof TransferRules.Decision.Replay ? "REPLAY" : "MAKE";
        } catch (ApiException refused) {
            return refused.code().name();
        }
    }

    private static Payment pay(Account debit, Account credit, Long amountFen) {
        return new Payment(debit.id(), credit.id(), amountFen, null, null, null);
    }

    @Test
    void eachCheck_refusesWithItsCode_andTheFirstFailingStageAnswers() {
        Transfer sameEarlier = LedgerExamples.made(LedgerExamples.payment(budget, point, 500), MAKER, 1, List.of());
        Transfer otherAmount = LedgerExamples.made(LedgerExamples.payment(budget, point, 501), MAKER, 1, List.of());
        Transfer otherPayee = LedgerExamples.made(LedgerExamples.payment(budget, otherPoint, 500), MAKER, 1, List.of());
        Transfer otherMaker = LedgerExamples.made(LedgerExamples.payment(budget, point, 500), "officer-2", 1, List.of());
        Object[][] cases = {
                // request, earlier under the key, debit, credit → outcome
                {pay(budget, point, 500L), null, budget, point, "MAKE"},
                {pay(budget, point, 8_000L), null, budget, point, "MAKE"},
                {pay(budget, point, 8_001L), null, budget, point, "INSUFFICIENT_FUNDS"},
                {pay(point, budget, 1L), null, point, budget, "INSUFFICIENT_FUNDS"},
                {pay(source, point, 5L), null, source, point, "SOURCE_NOT_PAYABLE"},
                {pay(budget, provider, 5L), null, budget, provider, "FUND_LINE_MISMATCH"},
                {pay(budget, budget, 5L), null, budget, budget, "SAME_ACCOUNT"},
                {pay(budget, point, 500L), sameEarlier, budget, point, "REPLAY"},
                {pay(budget, point, 500L), otherAmount, budget, point, "EXISTS_WITH_DIFFERENT_AMOUNT"},
                {pay(budget, point, 500L), otherPayee, budget, point, "EXISTS_WITH_DIFFERENT_FIELDS"},
                {pay(budget, point, 500L), otherMaker, budget, point, "EXISTS_WITH_DIFFERENT_FIELDS"},
                // precedence: accounts before funds
                {pay(budget, budget, 99_999L), null, budget, budget, "SAME_ACCOUNT"},
                {pay(source, provider, 5L), null, source, provider, "FUND_LINE_MISMATCH"},
                // key before accounts and funds: a replay is answered even when the accounts would now refuse
                {pay(budget, budget, 99_999L), otherAmount, budget, budget, "EXISTS_WITH_DIFFERENT_AMOUNT"},
                // fields before everything
                {pay(budget, budget, 0L), otherAmount, budget, budget, "VALIDATION_FAILED"},
                {pay(budget, point, -5L), null, budget, point, "VALIDATION_FAILED"},
                {pay(budget, point, null), null, budget, point, "VALIDATION_FAILED"},
                {pay(budget, point, TransferRules.AMOUNT_FEN_MAX + 1), null, budget, point, "VALIDATION_FAILED"},
                {new Payment(budget.id(), point.id(), 5L, "BED", null, null), null, budget, point, "VALIDATION_FAILED"},
                {new Payment(budget.id(), point.id(), 5L, "SALARY", "x", null), null, budget, point, "VALIDATION_FAILED"},
                {new Payment(budget.id(), point.id(), 5L, null, null, "备".repeat(201)), null, budget, point, "VALIDATION_FAILED"},
                {new Payment(null, point.id(), 5L, null, null, null), null, budget, point, "VALIDATION_FAILED"},
        };
        for (Object[] c : cases) {
            Optional<Transfer> earlier = Optional.ofNullable((Transfer) c[1]);
            assertThat(outcome((Payment) c[0], earlier, (Account) c[2], (Account) c[3])).as(c[0] + " after " + c[1]).isEqualTo(c[4]);
        }
    }

    @Test
    void textLimits_countCharactersAsAPersonDoes_notUtf16Units() {
        String twoHundredAstral = "𠮷".repeat(TransferRules.MEMO_CHARS_MAX);
        Payment longest = new Payment(budget.id(), point.id(), 5L, "BED", "床".repeat(TransferRules.CAUSE_REF_CHARS_MAX),
                twoHundredAstral);

        assertThat(TransferRules.fieldErrors(longest)).isEmpty();
        assertThat(TransferRules.fieldErrors(new Payment(budget.id(), point.id(), 5L, null, null, twoHundredAstral + "𠮷")))
                .extracting(e -> e.field() + ":" + e.code()).containsExactly("memo:TOO_LONG");
    }

    @Test
    void anInvalidPayment_namesEveryWrongField() {
        Payment empty = new Payment(null, null, null, "BED", null, null);

        assertThat(TransferRules.fieldErrors(empty)).extracting(e -> e.field() + ":" + e.code()).containsExactly(
                "debitAccountId:REQUIRED", "creditAccountId:REQUIRED", "amountFen:OUT_OF_RANGE", "causeRef:CAUSE_INCOMPLETE");
    }

    @Test
    void anAppropriation_needsALineAYearAndAnAmount_andMayDebitTheSource() {
        assertThat(TransferRules.fieldErrors(new TransferRequests.Appropriation("MEAL_SUBSIDY", 2026, 1_000L, null))).isEmpty();
        assertThat(TransferRules.fieldErrors(new TransferRequests.Appropriation(" ", 1999, 0L, null)))
                .extracting(e -> e.field()).containsExactly("fundLine", "fiscalYear", "amountFen");
        assertThat(TransferRules.fieldErrors(new TransferRequests.Appropriation("MEAL_SUBSIDY", 2101, 1L, null)))
                .extracting(e -> e.field()).containsExactly("fiscalYear");
        NewTransfer appropriation = new NewTransfer(source, budget, 1_000_000_000L, TransferKind.APPROPRIATION, null, null,
                null, null);

        assertThat(TransferRules.decide(Optional.empty(), appropriation, MAKER))
                .as("a SOURCE has no floor: it is debited by what it appropriates").isInstanceOf(TransferRules.Decision.Make.class);
    }

    @Test
    void onlyAPostedTransfer_thatIsNotAReversal_canBeReversed() {
        NewTransfer paid = LedgerExamples.payment(budget, point, 500);
        NewTransfer reversal = new NewTransfer(point, budget, 500, TransferKind.REVERSAL, UUID.randomUUID(), null, null, null);
        Object[][] cases = {
                {LedgerExamples.stored(paid, MAKER, 1, List.of("approver-1"), TransferStatus.POSTED), null},
                {LedgerExamples.stored(paid, MAKER, 1, List.of(), TransferStatus.PENDING), "TRANSFER_NOT_POSTED"},
                {LedgerExamples.stored(paid, MAKER, 1, List.of(), TransferStatus.REJECTED), "TRANSFER_NOT_POSTED"},
                {LedgerExamples.stored(paid, MAKER, 1, List.of(), TransferStatus.VOIDED), "TRANSFER_NOT_POSTED"},
                {LedgerExamples.stored(paid, MAKER, 1, List.of(), TransferStatus.EXPIRED), "TRANSFER_NOT_POSTED"},
                {LedgerExamples.stored(reversal, MAKER, 1, List.of("approver-1"), TransferStatus.POSTED), "TRANSFER_NOT_POSTED"},
        };
        for (Object[] c : cases) {
            Transfer original = (Transfer) c[0];
            String code;
            try {
                TransferRules.checkReversible(original);
                code = null;
            } catch (ApiException refused) {
                code = refused.code().name();
            }
            assertThat(code).as(original.kind() + " " + original.status()).isEqualTo(c[1]);
        }
    }
}
