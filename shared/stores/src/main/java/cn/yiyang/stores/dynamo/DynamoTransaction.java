package cn.yiyang.stores.dynamo;

import cn.yiyang.kernel.api.Reply;
import java.util.List;

/**
 * What a DynamoDB-backed operation wants written, all or nothing, each item with the meaning of
 * its condition, and what it answers once written.
 */
public record DynamoTransaction(List<ConditionalWrite> writes, Reply reply) {

    /** DynamoDB's own limit on the items of one transaction, one of which is the idempotency record. */
    public static final int WRITES_MAX = 99;

    public DynamoTransaction {
        writes = List.copyOf(writes);
        if (writes.isEmpty() || writes.size() > WRITES_MAX) {
            throw new IllegalArgumentException("a transaction has 1.." + WRITES_MAX + " writes, not " + writes.size());
        }
    }
}
