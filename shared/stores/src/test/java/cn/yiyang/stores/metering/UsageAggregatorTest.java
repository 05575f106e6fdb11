package cn.yiyang.stores.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.embedded.EmbeddedDynamoServer;
import cn.yiyang.kernel.metering.UsageLine;
import cn.yiyang.kernel.metering.UsageMeter.UsageCount;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Usage lines to counters against DynamoDB Local, through real subscription events (gzip, base64): each call
 * counted once per delivery, whatever is delivered twice, and whatever fails half way.
 */
class UsageAggregatorTest {

    private static final String TABLE = "test-usage";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final AtomicInteger COUNTIES = new AtomicInteger(100_000);
    private static final AtomicInteger EVENT_IDS = new AtomicInteger();

    private static EmbeddedDynamoServer server;
    private static DynamoDbClient client;
    private static UsageAggregator aggregator;
    private static UsageCounters counters;

    @BeforeAll
    static void startDynamoLocal() {
        server = EmbeddedDynamoServer.start();
        client = clientTo(URI.create(server.endpoint()));
        client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        aggregator = new UsageAggregator(client, TABLE, Clock.systemUTC());
        counters = new UsageCounters(client, TABLE);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void aDelivery_countsEachUsageLineOnce_perCounter_ignoresOtherLines_andRejectsMalformedOnesWithoutFailing() {
        String county = freshCounty();
        List<String> messages = new ArrayList<>();
        Map<String, Long> expected = callsOverManyCounters(county, 250, messages);
        messages.add("START RequestId: 1f0c Version: $LATEST");
        messages.add("2026-12-02 13:00:00,001 INFO  [cn.yi.ga.di.ApiDispatcher] GET /v1/usage -> 200 in 3 ms");
        messages.add("{\"kind\":\"" + UsageLine.KIND + "\",\"county\":\"0\",\"function\":\"x\",\"calls\":1}");
        messages.add("{\"kind\":\"" + UsageLine.KIND + "\", not json");

        UsageAggregator.Delivered delivered = aggregator.deliver(batch(messages).encode());

        assertThat(delivered.usageLines()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(delivered.rejectedLines()).isEqualTo(2);
        assertThat(delivered.parts()).as("250 counters, 99 to a transaction").isEqualTo(3);
        assertThat(counts(county)).isEqualTo(expected);
    }

    @Test
    void theSameDelivery_deliveredTwice_andFourTimesAtOnce_isCountedOnce() throws Exception {
        String county = freshCounty();
        List<String> messages = new ArrayList<>();
        Map<String, Long> expected = callsOverManyCounters(county, 150, messages);
        LogsSubscriptionEvent event = batch(messages).encode();

        aggregator.deliver(event);
        UsageAggregator.Delivered again = aggregator.deliver(event);
        assertThat(again.partsAlreadyCounted()).isEqualTo(again.parts()).isEqualTo(2);

        LogsSubscriptionEvent other = batch(messages).encode();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<UsageAggregator.Delivered>> concurrent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                concurrent.add(pool.submit(() -> aggregator.deliver(other)));
            }
            int counted = 0;
            for (Future<UsageAggregator.Delivered> delivery : concurrent) {
                UsageAggregator.Delivered d = delivery.get();
                counted += d.parts() - d.partsAlreadyCounted();
            }
            assertThat(counted).as("each part counted by one of the four").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(counts(county)).as("two deliveries' worth: the first event once, the other event once")
                .isEqualTo(doubled(expected));
    }

    @Test
    void aDeliveryWhosePartTwoOfThreeNeverReachesTheStore_fails_andItsRedelivery_countsExactlyOnce() throws Exception {
        String county = freshCounty();
        List<String> messages = new ArrayList<>();
        Map<String, Long> expected = callsOverManyCounters(county, 250, messages);
        LogsSubscriptionEvent event = batch(messages).encode();
        try (FaultRelay relay = new FaultRelay(URI.create(server.endpoint()));
             DynamoDbClient through = clientTo(relay.endpoint())) {
            UsageAggregator crashing = new UsageAggregator(through, TABLE, Clock.systemUTC());
            relay.fail(FaultRelay.Fault.REFUSE, 2, Integer.MAX_VALUE);

            assertThatThrownBy(() -> crashing.deliver(event)).isInstanceOf(SdkClientException.class);
            assertThat(total(counts(county))).as("part 1 only").isEqualTo(99 * 2);

            relay.heal();
            UsageAggregator.Delivered redelivered = crashing.deliver(event);

            assertThat(redelivered.partsAlreadyCounted()).isEqualTo(1);
            assertThat(counts(county)).isEqualTo(expected);
        }
    }

    @Test
    void aPartThatLandsButWhoseAnswerIsLost_isCountedOnce_whetherTheClientRetriesItOrTheBatchIsRedelivered()
            throws Exception {
        String county = freshCounty();
        List<String> messages = new ArrayList<>();
        Map<String, Long> expected = callsOverManyCounters(county, 250, messages);
        LogsSubscriptionEvent event = batch(messages).encode();
        try (FaultRelay relay = new FaultRelay(URI.create(server.endpoint()));
             DynamoDbClient through = clientTo(relay.endpoint())) {
            UsageAggregator crashing = new UsageAggregator(through, TABLE, Clock.systemUTC());
            // Part 2 lands and its answer is lost, on the first attempt and on every retry of the SDK's.
            relay.fail(FaultRelay.Fault.LOSE_ANSWER, 2, Integer.MAX_VALUE);

            assertThatThrownBy(() -> crashing.deliver(event)).isInstanceOf(SdkClientException.class);
            assertThat(relay.transactions()).as("part 2 sent and retried").isGreaterThan(2);
            assertThat(total(counts(county))).as("parts 1 and 2, each once").isEqualTo(198 * 2);

            relay.heal();
            UsageAggregator.Delivered redelivered = crashing.deliver(event);

            assertThat(redelivered.partsAlreadyCounted()).as("parts 1 and 2 found their markers").isEqualTo(2);
            assertThat(counts(county)).isEqualTo(expected);
        }
    }

    @Test
    void deliveriesFromManyLogStreams_addToOneBusyCounterAcrossItsShards_andTheMonthSumsThemExactly() {
        String county = freshCounty();
        UsageLine busy = new UsageLine(county, "meal-orders", "POST /v1/meal-orders", DAY, "x", Instant.now());
        int deliveries = 40;
        for (int d = 0; d < deliveries; d++) {
            List<String> messages = new ArrayList<>();
            for (int call = 0; call < 3; call++) {
                messages.add(new UsageLine(county, busy.function(), busy.route(), DAY, UUID.randomUUID().toString(),
                        Instant.now()).emf());
            }
            aggregator.deliver(batch(messages).encode());
        }

        UsageCounters.Counter counter = UsageCounters.Counter.of(busy);
        List<String> items = client.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model
                                .AttributeValue.fromS(counter.pk()))).consistentRead(true))
                .items().stream().map(item -> item.get("sk").s()).toList();
        assertThat(items).as("one item per shard a delivery picked, each the counter's sort key and a shard")
                .allMatch(sk -> sk.matches(java.util.regex.Pattern.quote(counter.sk()) + "#s0[0-7]"))
                .hasSizeBetween(2, UsageCounters.SHARDS);
        assertThat(counts(county)).isEqualTo(Map.of(counter.sk(), 3L * deliveries));
    }

    @Test
    void aControlMessage_countsNothing() {
        String county = freshCounty();
        List<String> messages = new ArrayList<>();
        callsOverManyCounters(county, 3, messages);
        LogsBatch data = batch(messages);
        LogsBatch control = new LogsBatch(LogsBatch.CONTROL_MESSAGE, data.owner(), data.logGroup(), data.logStream(),
                data.subscriptionFilters(), data.logEvents());

        assertThat(aggregator.deliver(control.encode()).parts()).isZero();
        assertThat(counts(county)).isEmpty();
    }

    @Test
    void theLocalStandIn_batchesLinesIntoDeliveries_andAfterAFlushTheCountersAreExact() {
        String county = freshCounty();
        LocalLogsDelivery standIn = new LocalLogsDelivery(true, aggregator);
        UsageLogMeter meter = new UsageLogMeter(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), standIn);
        int calls = LocalLogsDelivery.EVENTS_PER_DELIVERY_MAX * 2 + 7;
        for (int i = 0; i < calls; i++) {
            meter.count(new UsageLine(county, i % 3 == 0 ? "meal-orders" : "residents", "GET /v1/things/{id}", DAY,
                    UUID.randomUUID().toString(), Instant.now()));
        }

        standIn.flush();
        standIn.flush();

        assertThat(total(counts(county))).isEqualTo(calls);
        assertThat(counts(county)).containsEntry(DAY + "#meal-orders#GET /v1/things/{id}", (long) (calls + 2) / 3);
    }

    /** Two calls on each of {@code counters} counters of one county, as usage lines. */
    private static Map<String, Long> callsOverManyCounters(String county, int counterCount, List<String> messages) {
        Map<String, Long> expected = new TreeMap<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < counterCount; i++) {
                UsageLine line = new UsageLine(county, "meal-orders", "GET /v1/things/" + i, DAY,
                        UUID.randomUUID().toString(), Instant.now());
                messages.add(line.emf());
                expected.merge(UsageCounters.Counter.of(line).sk(), 1L, Long::sum);
            }
        }
        return expected;
    }

    private static LogsBatch batch(List<String> messages) {
        List<LogsBatch.LogEvent> events = new ArrayList<>();
        for (String message : messages) {
            events.add(new LogsBatch.LogEvent(Long.toString(EVENT_IDS.incrementAndGet()), 1_764_650_000_000L, message));
        }
        return new LogsBatch(LogsBatch.DATA_MESSAGE, "000000000000", "/aws/lambda/yiyang-meal-orders",
                "2026/12/02/[$LATEST]" + UUID.randomUUID(), List.of("usage"), events);
    }

    private static Map<String, Long> counts(String county) {
        Map<String, Long> counts = new TreeMap<>();
        for (UsageCount count : counters.month(county, YearMonth.from(DAY))) {
            counts.put(count.day() + "#" + count.function() + "#" + count.route(), count.calls());
        }
        return counts;
    }

    private static Map<String, Long> doubled(Map<String, Long> counts) {
        Map<String, Long> doubled = new TreeMap<>();
        counts.forEach((key, calls) -> doubled.put(key, calls * 2));
        return doubled;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String freshCounty() {
        return Integer.toString(COUNTIES.incrementAndGet() + 200_000);
    }

    private static DynamoDbClient clientTo(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.CN_NORTHWEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

}
