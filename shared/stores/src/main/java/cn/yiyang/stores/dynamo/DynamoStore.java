package cn.yiyang.stores.dynamo;

import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Typed access to one single-table design (pk/sk strings, optional gsiNpk/gsiNsk indexes):
 * strongly consistent gets, bounded paged queries, and JSON documents in a {@code data} attribute.
 */
public class DynamoStore {

    public static final int QUERY_ITEMS_MAX = 2_000;
    /** DynamoDB's own limit on the keys of one BatchGetItem. */
    public static final int BATCH_GET_KEYS_MAX = 100;
    public static final int BATCH_ATTEMPTS_MAX = 4;

    private final DynamoDbClient client;
    private final String table;

    protected DynamoStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    public String table() {
        return table;
    }

    public DynamoDbClient client() {
        return client;
    }

    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(pk, sk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * Several items of this table in one round trip (BatchGetItem, strongly consistent), by key; an
     * absent item is absent from the answer. Keys DynamoDB leaves unprocessed (throttling) are asked
     * again, at most {@link #BATCH_ATTEMPTS_MAX} times in all.
     */
    public Map<Map<String, AttributeValue>, Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        if (keys.isEmpty() || keys.size() > BATCH_GET_KEYS_MAX) {
            throw new IllegalArgumentException("1.." + BATCH_GET_KEYS_MAX + " keys, not " + keys.size());
        }
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> asked = List.copyOf(new java.util.LinkedHashSet<>(keys));
        for (int attempt = 1; !asked.isEmpty(); attempt++) {
            if (attempt > BATCH_ATTEMPTS_MAX) {
                throw new ApiException(CommonProblem.STORE_UNAVAILABLE, "DynamoDB left keys unprocessed; try again");
            }
            List<Map<String, AttributeValue>> now = asked;
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(table,
                    KeysAndAttributes.builder().keys(now).consistentRead(true).build())));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                found.put(key(item.get("pk").s(), item.get("sk").s()), item);
            }
            KeysAndAttributes left = response.unprocessedKeys().get(table);
            asked = left == null ? List.of() : left.keys();
            if (!asked.isEmpty()) {
                pause(attempt);
            }
        }
        return found;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, (10L << attempt) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(CommonProblem.STORE_UNAVAILABLE, "Interrupted while reading");
        }
    }

    /** All items of a partition (or of an index partition), optionally under a sort-key prefix, newest last. */
    public List<Map<String, AttributeValue>> query(String index, String pk, String skPrefix) {
        return query(index, pk, skPrefix, QUERY_ITEMS_MAX, true);
    }

    /** The table partition's items whose sort key lies in [skFrom, skTo], in order, read consistently; at most {@code limit}. */
    public List<Map<String, AttributeValue>> queryBetween(String pk, String skFrom, String skTo, int limit) {
        Map<String, AttributeValue> values = Map.of(":pk", s(pk), ":from", s(skFrom), ":to", s(skTo));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = client.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(values).exclusiveStartKey(exclusiveStart)
                    .limit(Math.min(limit, QUERY_ITEMS_MAX)));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    public List<Map<String, AttributeValue>> query(String index, String pk, String skPrefix, int limit, boolean forward) {
        String pkName = index == null ? "pk" : index + "pk";
        String skName = index == null ? "sk" : index + "sk";
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).exclusiveStartKey(exclusiveStart)
                    .scanIndexForward(forward).limit(Math.min(limit, QUERY_ITEMS_MAX));
            if (index != null) {
                request.indexName(index);
            } else {
                request.consistentRead(true);
            }
            if (skPrefix == null) {
                request.keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", pkName))
                        .expressionAttributeValues(Map.of(":pk", s(pk)));
            } else {
                request.keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", pkName, "#sk", skName))
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(skPrefix)));
            }
            QueryResponse page = client.query(request.build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    public static <T> T document(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return StrictJson.mapper().readValue(item.get("data").s(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    public static AttributeValue document(Object value) {
        return s(StrictJson.write(value));
    }
}
