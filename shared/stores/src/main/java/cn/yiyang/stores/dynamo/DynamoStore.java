package cn.yiyang.stores.dynamo;

import cn.yiyang.kernel.json.StrictJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Typed access to one single-table design (pk/sk strings, optional gsiNpk/gsiNsk indexes):
 * strongly consistent gets, bounded paged queries, and JSON documents in a {@code data} attribute.
 */
public class DynamoStore {

    public static final int QUERY_ITEMS_MAX = 2_000;

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
     * Several items of this table in one round trip ({@link BatchRead}: BatchGetItem, strongly
     * consistent), by key; an absent item is absent from the answer.
     */
    public Map<Map<String, AttributeValue>, Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
        BatchRead.of(client, keys.stream().map(this::keyHere).toList()).forEach((key, item) -> found.put(key.key(), item));
        return found;
    }

    /** An item of this table, for a {@link BatchRead} beside items of other tables. */
    public BatchRead.Key keyHere(Map<String, AttributeValue> key) {
        return new BatchRead.Key(table, key);
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
