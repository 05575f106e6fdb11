package cn.yiyang.stores.dynamo;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a DynamoDB-backed operation wants written, all or nothing, and what it answers once
 * written. {@code refusal} turns the cancellation reasons of the business items (a failed
 * capacity or balance condition, by position) into the domain's problem, or answers null to have
 * the write computed again from fresh reads (a race the business can resolve, such as a
 * subsidy claimed at the same moment by another order).
 */
public record DynamoWrite(List<TransactWriteItem> items, Reply reply,
                          Function<List<CancellationReason>, ApiException> refusal) {

    /** DynamoDB's own limit on the items of one transaction, one of which is the idempotency record. */
    public static final int BUSINESS_ITEMS_MAX = 99;

    public DynamoWrite {
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > BUSINESS_ITEMS_MAX) {
            throw new IllegalArgumentException("a write has 1.." + BUSINESS_ITEMS_MAX + " items, not " + items.size());
        }
    }
}
