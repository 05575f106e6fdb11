package cn.yiyang.funds;

import cn.yiyang.kernel.problem.ProblemCode;

/**
 * The ledger's refusals, each with a plain-Chinese message in messages/problems-funds.properties.
 * A transfer request is checked in this order (the first failing check answers): its fields, its
 * key ({@code EXISTS_WITH_*}), its accounts ({@code SAME_ACCOUNT}, {@code FUND_LINE_MISMATCH},
 * {@code SOURCE_NOT_PAYABLE}), then the funds ({@code INSUFFICIENT_FUNDS}). A batch's approval is
 * checked: resolved ({@code ALREADY_RESOLVED}), maker ({@code APPROVER_IS_MAKER}), twice
 * ({@code ALREADY_APPROVED}); an admission: the resident ({@code BED_RESIDENT_INACTIVE}), the settled
 * months ({@code MONTH_ALREADY_BATCHED}), then the bed ({@code BED_OCCUPIED}) and the resident's other
 * beds ({@code RESIDENT_ALREADY_IN_BED}), both decided by PostgreSQL's exclusion constraints; a caregiver's
 * assignment: the caregiver and the bed (404), the paid months ({@code MONTH_ALREADY_BATCHED}), then the bed's
 * other caregivers ({@code BED_HAS_CAREGIVER}, an exclusion constraint); its end: once
 * ({@code ASSIGNMENT_ALREADY_ENDED}), after its start ({@code ASSIGNMENT_END_NOT_AFTER_START}), the paid months;
 * a caregiver's certificate: its fields, the caregiver (404), the paid months ({@code MONTH_ALREADY_BATCHED}), then
 * the caregiver's other certificates ({@code CERTIFICATE_OVERLAPS}, an exclusion constraint); its withdrawal: the
 * reason, the certificate (404), once ({@code CERTIFICATE_ALREADY_WITHDRAWN}), then the paid months.
 * A settlement run is checked: its period ({@code SETTLEMENT_PERIOD_NOT_OVER}), its fund line
 * ({@code SETTLEMENT_FUND_LINE_MISSING}), its feed ({@code SETTLEMENT_FEED_UNAVAILABLE}); then each item on its own ({@code SETTLEMENT_ITEM_INVALID}, {@code SETTLEMENT_KEY_TAKEN},
 * {@code SETTLEMENT_ITEMS_MISMATCH}, then the transfer's checks). A held visit's decision: the visit
 * (404, {@code VISIT_NOT_HELD}), then once ({@code VISIT_ALREADY_DECIDED}).
 */
public enum FundProblem implements ProblemCode {
    EXISTS_WITH_DIFFERENT_AMOUNT(422),
    EXISTS_WITH_DIFFERENT_FIELDS(422),
    SAME_ACCOUNT(422),
    FUND_LINE_MISMATCH(422),
    SOURCE_NOT_PAYABLE(422),
    INSUFFICIENT_FUNDS(409),
    APPROVER_IS_MAKER(403),
    ALREADY_APPROVED(409),
    ALREADY_RESOLVED(409),
    TRANSFER_EXPIRED(409),
    TRANSFER_NOT_POSTED(409),
    ALREADY_REVERSED(409),
    FUND_LINE_EXISTS(409),
    BATCH_MONTH_NOT_OPEN(422),
    BATCH_EMPTY(422),
    BATCH_TOO_LARGE(422),
    BATCH_RETRIES_EXHAUSTED(409),
    BATCH_NOT_CREATED(409),
    TRANSFER_OF_A_BATCH(409),
    BATCH_NOT_POSTED(409),
    BANK_RETURN_MISMATCH(422),
    BANK_RETURN_CONFLICT(409),
    NOT_AN_INSTITUTION(422),
    BED_CODE_EXISTS(409),
    BEDS_PER_INSTITUTION_REACHED(409),
    BED_RESIDENT_INACTIVE(422),
    BED_OCCUPIED(409),
    RESIDENT_ALREADY_IN_BED(409),
    ALREADY_DISCHARGED(409),
    DISCHARGE_NOT_AFTER_ADMISSION(422),
    MONTH_ALREADY_BATCHED(409),
    CAREGIVER_ALREADY_REGISTERED(409),
    BED_HAS_CAREGIVER(409),
    CERTIFICATE_OVERLAPS(409),
    CERTIFICATE_ALREADY_WITHDRAWN(409),
    ASSIGNMENT_ALREADY_ENDED(409),
    ASSIGNMENT_END_NOT_AFTER_START(422),
    SETTLEMENT_PERIOD_NOT_OVER(409),
    SETTLEMENT_FUND_LINE_MISSING(409),
    SETTLEMENT_KEY_TAKEN(409),
    SETTLEMENT_ITEM_INVALID(422),
    SETTLEMENT_ITEMS_MISMATCH(409),
    VISIT_NOT_HELD(409),
    VISIT_ALREADY_DECIDED(409),
    SETTLEMENT_FEED_UNAVAILABLE(503);

    private final int httpStatus;

    FundProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String messages() {
        return "messages/problems-funds.properties";
    }
}
