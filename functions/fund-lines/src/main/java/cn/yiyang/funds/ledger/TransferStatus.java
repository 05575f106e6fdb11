package cn.yiyang.funds.ledger;

/** PENDING until exactly one resolution is recorded: POSTED, REJECTED, VOIDED or EXPIRED. Never back. */
public enum TransferStatus {
    PENDING, POSTED, REJECTED, VOIDED, EXPIRED
}
