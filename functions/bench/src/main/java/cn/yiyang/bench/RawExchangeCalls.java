package cn.yiyang.bench;

import static cn.yiyang.stores.dynamo.DynamoStore.key;
import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The DynamoDB calls the time-bank Lambda makes for one exchange, issued directly: the same
 * tables, keys, attributes, conditions and document sizes (the exchange document is a real answer
 * of the Lambda, with fresh ids). The transaction is the Lambda's: the account's balance Update
 * ({@code ADD balance, spent}, guarded by {@code balance >= :points}), the item's stock Update
 * (guarded by {@code stock >= 1}), the statement entry Put and the exchange Put (each only if
 * absent), and the idempotency record Put that {@code DynamoOperations} adds to every guarded write.
 * The account and the item are the raw rows' own, funded so that no condition fails.
 */
final class RawExchangeCalls {

    static final String ROUTE_KEY = "POST /v1/time-bank/exchanges";
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final long FUNDS = 1_000_000_000L;

    private final DynamoDbClient client;
    private final String county;
    private final String account;
    private final String itemId;
    private final String exchangeTemplate;
    private final String templateExchangeId;
    private final String bank = RawOrderCalls.TABLE_PREFIX + "time-bank";
    private final String idempotency = RawOrderCalls.TABLE_PREFIX + "idempotency";
    private final Map<String, List<Double>> steps = new LinkedHashMap<>();

    /**
     * Opens the raw rows' account and catalog item (as the Lambda's registration and catalog would
     * write them) with funds and stock no run can exhaust.
     */
    RawExchangeCalls(DynamoDbClient client, String county, String exchangeTemplate, String templateExchangeId,
                     String templateItemId) {
        this.client = client;
        this.county = county;
        this.account = "raw-" + UUID.randomUUID();
        this.itemId = UUID.randomUUID().toString();
        this.exchangeTemplate = exchangeTemplate.replace(templateItemId, itemId);
        this.templateExchangeId = templateExchangeId;
        client.putItem(b -> b.tableName(bank).item(Map.of("pk", s(accountPk()), "sk", s("ACCOUNT"), "name", s("小张"),
                "kind", s("VOLUNTEER"), "balance", n(FUNDS))));
        client.putItem(b -> b.tableName(bank).item(Map.of("pk", s(itemPk()), "sk", s("ITEM"), "stock", n(FUNDS),
                "data", s("{\"id\":\"" + itemId + "\",\"name\":\"兑换项目\",\"kind\":\"GOODS\",\"points\":1,\"stock\":" + FUNDS + "}"),
                "gsi1pk", s("ITEMS#" + county + "-raw"), "gsi1sk", s(itemId))));
    }

    /** One TransactWriteItems of the exchange's five items. */
    void transaction() {
        transaction(UUID.randomUUID().toString());
    }

    /**
     * Everything an exchange does against DynamoDB, in the Lambda's order: one BatchGetItem of the
     * account and the catalog item; then the transaction. (The call's usage is a log line, no DynamoDB call.)
     */
    void readsAndTransaction() {
        String key = UUID.randomUUID().toString();
        step("BatchGetItem account, catalog item", () -> client.batchGetItem(b -> b.requestItems(Map.of(bank,
                KeysAndAttributes.builder().consistentRead(true)
                        .keys(key(accountPk(), "ACCOUNT"), key(itemPk(), "ITEM")).build()))));
        step("TransactWriteItems", () -> transaction(key));
    }

    Map<String, double[]> steps() {
        Map<String, double[]> all = new LinkedHashMap<>();
        steps.forEach((name, millis) -> all.put(name, millis.stream().mapToDouble(Double::doubleValue).toArray()));
        return all;
    }

    void forgetSteps() {
        steps.clear();
    }

    /** The raw account's balance: what the raw rows took from it is FUNDS minus this. */
    long spent() {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(bank).consistentRead(true)
                .key(key(accountPk(), "ACCOUNT"))).item();
        return FUNDS - Long.parseLong(item.get("balance").n());
    }

    private void step(String name, Runnable call) {
        long before = System.nanoTime();
        call.run();
        steps.computeIfAbsent(name, n -> new ArrayList<>()).add((System.nanoTime() - before) / 1e6);
    }

    private void transaction(String idempotencyKey) {
        String exchangeId = UUID.randomUUID().toString();
        String exchange = exchangeTemplate.replace(templateExchangeId, exchangeId).replaceAll(
                "\"accountId\":\"[^\"]*\"", "\"accountId\":\"" + account + "\"");
        client.transactWriteItems(b -> b.transactItems(List.of(
                debit(),
                takeStock(),
                entry(exchangeId),
                putExchange(exchange, exchangeId),
                idempotencyRecord(idempotencyKey, exchange))));
    }

    private TransactWriteItem debit() {
        return TransactWriteItem.builder().update(Update.builder().tableName(bank)
                .key(key(accountPk(), "ACCOUNT"))
                .updateExpression("ADD balance :minus, spent :points")
                .conditionExpression("balance >= :points")
                .expressionAttributeValues(Map.of(":minus", n(-1), ":points", n(1)))
                .build()).build();
    }

    private TransactWriteItem takeStock() {
        return TransactWriteItem.builder().update(Update.builder().tableName(bank)
                .key(key(itemPk(), "ITEM"))
                .updateExpression("ADD stock :change")
                .conditionExpression("stock >= :taken")
                .expressionAttributeValues(Map.of(":change", n(-1), ":taken", n(1)))
                .build()).build();
    }

    private TransactWriteItem entry(String exchangeId) {
        OffsetDateTime at = OffsetDateTime.now(COUNTY_ZONE);
        String id = "EXCHANGED-" + exchangeId;
        Map<String, AttributeValue> item = new HashMap<>(key(accountPk(), "E#" + at.toInstant() + "#" + id));
        item.put("entryId", s(id));
        item.put("data", s("{\"id\":\"" + id + "\",\"kind\":\"EXCHANGED\",\"points\":-1,\"cause\":{\"type\":\"EXCHANGE\",\"id\":\""
                + exchangeId + "\"},\"counterparty\":\"" + itemId + "\",\"at\":\"" + at + "\"}"));
        return putIfAbsent(item);
    }

    private TransactWriteItem putExchange(String exchange, String exchangeId) {
        Map<String, AttributeValue> item = new HashMap<>(key("X#" + county + "#" + exchangeId, "EXCHANGE"));
        item.put("data", s(exchange));
        item.put("status", s("TO_COLLECT"));
        item.put("gsi1pk", s("VOUCHERS#" + county + "-raw"));
        item.put("gsi1sk", s(Instant.now() + "#" + exchangeId));
        return putIfAbsent(item);
    }

    private TransactWriteItem idempotencyRecord(String idempotencyKey, String body) {
        return RawIdempotencyRecord.put(idempotency, idempotencyKey(idempotencyKey), idempotencyKey, body);
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(bank).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private Map<String, AttributeValue> idempotencyKey(String key) {
        return key(county + "#" + account, "time-bank#x-" + key);
    }

    private String accountPk() {
        return "A#" + county + "#" + account;
    }

    private String itemPk() {
        return "I#" + county + "#" + itemId;
    }

}
