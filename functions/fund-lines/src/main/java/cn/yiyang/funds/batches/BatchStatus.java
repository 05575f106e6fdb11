package cn.yiyang.funds.batches;

/**
 * DRAFT until exactly one resolution is recorded: POSTED (every item paid, in one transaction),
 * REFUSED (an item could not be paid, so none was; the report names it) or CANCELLED (withdrawn by
 * an officer). Never back, never skipped: only a DRAFT takes approvals, and only the last approval
 * it needs posts or refuses it.
 */
public enum BatchStatus {
    DRAFT, POSTED, REFUSED, CANCELLED
}
