package cn.yiyang.stores.dynamo;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Items of one or more tables (pk/sk keys) in one round trip: one strongly consistent BatchGetItem.
 * A request that needs a resident's card beside its own items reads both at once instead of one
 * after the other. Keys DynamoDB leaves unprocessed (throttling) are asked again, at most
 * {@link #ATTEMPTS_MAX} times in all.
 */
public final class BatchRead {

    /** DynamoDB's own limit on the keys of one BatchGetItem. */
    public static final int KEYS_MAX = 100;
    public static final int ATTEMPTS_MAX = 4;
    private static final long PAUSE_BASE_MILLIS = 10;

    /** One item asked for: its table's physical name and its key. */
    public record Key(String table, Map<String, AttributeValue> key) {
    }

    private BatchRead() {
    }

    /** The items found, by the key they were asked under; an absent item is absent from the answer. */
    public static Map<Key, Map<String, AttributeValue>> of(DynamoDbClient client, List<Key> keys) {
        if (keys.isEmpty() || keys.size() > KEYS_MAX) {
            throw new IllegalArgumentException("1.." + KEYS_MAX + " keys, not " + keys.size());
        }
        Map<Key, Map<String, AttributeValue>> found = new HashMap<>();
        Map<String, KeysAndAttributes> asked = request(new LinkedHashSet<>(keys));
        for (int attempt = 1; !asked.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS_MAX) {
                throw new ApiException(CommonProblem.STORE_UNAVAILABLE, "DynamoDB left keys unprocessed; try again");
            }
            Map<String, KeysAndAttributes> now = asked;
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(now));
            response.responses().forEach((table, items) -> items.forEach(item ->
                    found.put(new Key(table, DynamoStore.key(item.get("pk").s(), item.get("sk").s())), item)));
            asked = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!asked.isEmpty()) {
                pause(attempt);
            }
        }
        return found;
    }

    private static Map<String, KeysAndAttributes> request(LinkedHashSet<Key> keys) {
        Map<String, List<Map<String, AttributeValue>>> byTable = new LinkedHashMap<>();
        keys.forEach(k -> byTable.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(k.key()));
        Map<String, KeysAndAttributes> request = new LinkedHashMap<>();
        byTable.forEach((table, tableKeys) -> request.put(table,
                KeysAndAttributes.builder().keys(tableKeys).consistentRead(true).build()));
        return request;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, (PAUSE_BASE_MILLIS << attempt) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(CommonProblem.STORE_UNAVAILABLE, "Interrupted while reading");
        }
    }
}
