package cn.yiyang.funds.settlements;

import java.util.UUID;

/**
 * A settlement key already paid under: its transfer, the transfer's status now, the amount, and how many
 * times the feed's key was settled (a rejected or expired settlement is settled again under a new key).
 */
record Settled(String settlementKey, UUID transferId, String transferStatus, long amountFen, int attempts) {

    /** Rejected by an approver or expired unapproved: nothing was paid, and an officer may settle it again. */
    boolean settlesAgain() {
        return "REJECTED".equals(transferStatus) || "EXPIRED".equals(transferStatus);
    }
}
