package cn.yiyang.funds.batches;

/**
 * CREATING while the job makes a county-sized batch ({@link BatchCreation}; it is not a batch row yet, and
 * takes no approval), then DRAFT until its last approval; then POSTING while the posting job makes the items' transfers (a
 * batch of at most {@link BatchPosting#INLINE_ITEMS_MAX} items posts within that approval), until
 * exactly one resolution is recorded: POSTED (every item paid, in one transaction),
 * REFUSED (an item could not be paid, so none was; the report names it) or CANCELLED (withdrawn by
 * an officer). Never back, never skipped: only a DRAFT takes approvals, and only the last approval
 * it needs starts its posting or refuses it.
 */
public enum BatchStatus {
    CREATING, DRAFT, POSTING, POSTED, REFUSED, CANCELLED
}
