package cn.yiyang.bench;

import static cn.yiyang.stores.dynamo.DynamoStore.key;
import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import cn.yiyang.stores.dynamo.DynamoClients;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The DynamoDB calls the meal-orders Lambda makes for one DINE_IN order with a subsidy under a
 * policy without caps, issued directly with a client built like the function's (JDK URL
 * connection, 5 s timeouts): the same tables, keys, attributes, conditions and item sizes (the
 * order document is a real answer of the Lambda, with fresh ids). The transaction is the
 * Lambda's: seat counter Update ({@code ADD placed}, guarded by {@code placed < :seats}), order
 * Put, subsidy-claim Put, and, as {@code DynamoOperations} adds to every guarded write, the
 * idempotency record Put.
 */
final class RawOrderCalls implements AutoCloseable {

    static final String TABLE_PREFIX = "yiyang-";
    static final String ROUTE_KEY = "POST /v1/meal-orders";
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The order's world: county, point, the point's seats per slot and mode, the caller, the menu's date. */
    record Setting(String county, String pointId, int seats, String caller, LocalDate menuDate) {
    }

    private final DynamoDbClient client;
    private final Setting setting;
    private final String orderTemplate;
    private final String templateOrderId;
    private final String templateResidentId;
    private final String meals = TABLE_PREFIX + "meals";
    private final String idempotency = TABLE_PREFIX + "idempotency";
    private final String cards = TABLE_PREFIX + "resident-cards";
    private final Map<String, List<Double>> steps = new LinkedHashMap<>();

    /**
     * @param orderTemplate an order as the Lambda answered it; {@code templateOrderId} and
     *                      {@code templateResidentId} are replaced in it by each call's own
     */
    RawOrderCalls(DynamoDbClient client, Setting setting, String orderTemplate, String templateOrderId,
                  String templateResidentId) {
        this.client = client;
        this.setting = setting;
        this.orderTemplate = orderTemplate;
        this.templateOrderId = templateOrderId;
        this.templateResidentId = templateResidentId;
    }

    /**
     * A client like the function's until session 10: the SDK's own URL connection (each warm POST waits out the JDK's
     * 1 ms liveness probe), bounded timeouts, dummy credentials for the local endpoint. The as-shipped SDK baseline.
     */
    static DynamoDbClient client(String endpoint) {
        return client(endpoint, UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(CALL_TIMEOUT).build());
    }

    /** The same over the functions' own HTTP client ({@link DynamoClients#httpClient}: bodies buffered, no probe). */
    static DynamoDbClient functionsClient(String endpoint) {
        return client(endpoint, DynamoClients.httpClient());
    }

    private static DynamoDbClient client(String endpoint, SdkHttpClient http) {
        return DynamoDbClient.builder()
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(CALL_TIMEOUT).build())
                .region(Region.CN_NORTHWEST_1)
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** One TransactWriteItems of the order's four items, for this resident on this date's lunch. */
    void transaction(String residentId, LocalDate date) {
        transaction(residentId, date, UUID.randomUUID().toString());
    }

    /**
     * Everything an order does against DynamoDB, in the Lambda's order: one BatchGetItem of the
     * resident card, the point, the menu, the policy, the subsidy claim and the week's and month's
     * caps; then the transaction. (The call's usage is a log line, no DynamoDB call.)
     */
    void readsAndTransaction(String residentId, LocalDate date) {
        String key = UUID.randomUUID().toString();
        step("BatchGetItem card, point, menu, policy, claim, caps", () -> batchGet(Map.of(
                cards, List.of(key(setting.county() + "#" + residentId, "CARD")),
                meals, List.of(key(pointPk(), MealKeys.POINT_SK), key(pointPk(), MealKeys.menuSk(setting.menuDate())),
                        key(MealKeys.policyPk(setting.county()), MealKeys.POLICY_CURRENT_SK),
                        key(claimPk(residentId), MealKeys.subsidyClaimSk(date, Slot.LUNCH)),
                        key(claimPk(residentId), MealKeys.weekCapSk(date)),
                        key(claimPk(residentId), MealKeys.monthCapSk(date))))));
        step("TransactWriteItems", () -> transaction(residentId, date, key));
    }

    private void batchGet(Map<String, List<Map<String, AttributeValue>>> keys) {
        Map<String, KeysAndAttributes> request = new HashMap<>();
        keys.forEach((table, tableKeys) -> request.put(table,
                KeysAndAttributes.builder().keys(tableKeys).consistentRead(true).build()));
        client.batchGetItem(b -> b.requestItems(request));
    }

    /** Milliseconds per call of each step of {@link #readsAndTransaction}, since the last {@link #forgetSteps}. */
    Map<String, double[]> steps() {
        Map<String, double[]> all = new LinkedHashMap<>();
        steps.forEach((name, millis) -> all.put(name, millis.stream().mapToDouble(Double::doubleValue).toArray()));
        return all;
    }

    void forgetSteps() {
        steps.clear();
    }

    /** The call's wall time under its name, and the CPU time this thread spent on it under the name + " CPU". */
    private void step(String name, Runnable call) {
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long before = System.nanoTime();
        call.run();
        steps.computeIfAbsent(name, n -> new ArrayList<>()).add((System.nanoTime() - before) / 1e6);
        steps.computeIfAbsent(name + " CPU", n -> new ArrayList<>()).add((THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e6);
    }

    /** The lunch seats taken at the point on that date. */
    long seatsTaken(LocalDate date) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(meals).consistentRead(true)
                .key(key(pointPk(), seatsSk(date)))).item();
        return item == null || !item.containsKey("placed") ? 0 : Long.parseLong(item.get("placed").n());
    }

    private void transaction(String residentId, LocalDate date, String idempotencyKey) {
        String orderId = UUID.randomUUID().toString();
        String order = orderTemplate.replace(templateOrderId, orderId).replace(templateResidentId, residentId);
        client.transactWriteItems(b -> b.transactItems(List.of(
                takeSeat(date),
                putOrder(order, orderId, residentId, date),
                claimSubsidy(orderId, residentId, date),
                idempotencyRecord(idempotencyKey, order))));
    }

    private TransactWriteItem takeSeat(LocalDate date) {
        return TransactWriteItem.builder().update(Update.builder().tableName(meals)
                .key(key(pointPk(), seatsSk(date)))
                .updateExpression("ADD placed :one")
                .conditionExpression("attribute_not_exists(placed) OR placed < :seats")
                .expressionAttributeValues(Map.of(":one", n(1), ":seats", n(setting.seats())))
                .build()).build();
    }

    private TransactWriteItem putOrder(String order, String orderId, String residentId, LocalDate date) {
        Map<String, AttributeValue> item = new HashMap<>(key(MealKeys.orderPk(setting.county(), orderId), MealKeys.ORDER_SK));
        item.put("data", s(order));
        item.put("status", s("PLACED"));
        item.put("code", s(orderId.substring(0, 6).toUpperCase(java.util.Locale.ROOT)));
        item.put("gsi1pk", s(MealKeys.ordersOfResidentPk(setting.county(), residentId)));
        item.put("gsi1sk", s(MealKeys.ordersOfResidentSk(date, Slot.LUNCH, orderId)));
        item.put("gsi2pk", s(MealKeys.ordersOfDayPk(setting.county(), setting.pointId(), date)));
        item.put("gsi2sk", s(MealKeys.ordersOfDaySk(Slot.LUNCH, orderId)));
        return putIfAbsent(meals, item);
    }

    private TransactWriteItem claimSubsidy(String orderId, String residentId, LocalDate date) {
        Map<String, AttributeValue> item = new HashMap<>(key(claimPk(residentId), MealKeys.subsidyClaimSk(date, Slot.LUNCH)));
        item.put("orderId", s(orderId));
        item.put("mealPointId", s(setting.pointId()));
        return putIfAbsent(meals, item);
    }

    private TransactWriteItem idempotencyRecord(String idempotencyKey, String body) {
        return RawIdempotencyRecord.put(idempotency, idempotencyKey(idempotencyKey), idempotencyKey, body);
    }

    private static TransactWriteItem putIfAbsent(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private Map<String, AttributeValue> idempotencyKey(String key) {
        return key(setting.county() + "#" + setting.caller(), "meal-orders#order-" + key);
    }

    private static String seatsSk(LocalDate date) {
        return MealKeys.seatsSk(date, Slot.LUNCH, Mode.DINE_IN);
    }

    private String pointPk() {
        return MealKeys.pointPk(setting.county(), setting.pointId());
    }

    private String claimPk(String residentId) {
        return MealKeys.claimsPk(setting.county(), residentId);
    }


    @Override
    public void close() {
        client.close();
    }
}
