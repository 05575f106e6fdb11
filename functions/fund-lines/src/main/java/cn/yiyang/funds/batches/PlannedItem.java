package cn.yiyang.funds.batches;

import java.util.List;
import java.util.UUID;

/**
 * An item as a batch plans it, before its payee account is known for certain: a resident to pay
 * (the account is opened, or found, at creation) or an institution's account with its bed lines, or a
 * caregiver to pay (the account opened or found as a resident's) with the assignments paid for.
 */
record PlannedItem(String payeeRef, String payeeName, UUID payeeAccountId, String clientKey, long amountFen,
                   String residentId, Integer age, String band, Integer bedDays, List<BatchItem.BedLine> beds, String streetCode,
                   List<BatchItem.PostLine> posts) {
}
