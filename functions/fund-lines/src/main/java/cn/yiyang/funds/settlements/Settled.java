package cn.yiyang.funds.settlements;

import java.util.UUID;

/** A settlement key already paid under: its transfer, the transfer's status now, the amount. */
record Settled(String settlementKey, UUID transferId, String transferStatus, long amountFen) {
}
