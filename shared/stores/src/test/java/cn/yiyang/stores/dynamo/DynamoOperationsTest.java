package cn.yiyang.stores.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.embedded.EmbeddedDynamoServer;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyKey;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Role;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The DynamoDB idempotency guard against DynamoDB Local: a seat counter with a capacity
 * condition and an order item stand in for a DynamoDB-backed function's business write.
 */
class DynamoOperationsTest {

    private static final String IDEMPOTENCY = "test-idempotency";
    private static final String BUSINESS = "test-business";
    private static final String FUNCTION = "test-fn";
    private static final String PATH = "/v1/test-orders";
    private static final int CAPACITY = 10;

    private static EmbeddedDynamoServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void startDynamoLocal() {
        server = EmbeddedDynamoServer.start();
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.CN_NORTHWEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        for (String table : List.of(IDEMPOTENCY, BUSINESS)) {
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                            k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void fiftyConcurrentRetriesOfOneKey_takeEffectOnce_andAllGetTheFirstAnswer() throws Exception {
        String slot = newSlot();
        Handler<String> place = new DynamoOperations(client, IDEMPOTENCY).transact((caller, request) -> placeOrder(slot));
        Invocation<String> invocation = call("storm-" + UUID.randomUUID(), "{\"slot\":\"" + slot + "\"}");

        List<Reply> replies = concurrently(50, () -> place.handle(invocation));

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies).extracting(Reply::json).as("the first answer, byte for byte").containsOnly(replies.get(0).json());
        assertThat(placed(slot)).isEqualTo(1);
    }

    @Test
    void aReplay_givesTheFirstAnswersHeadersAgain_theLocationToo() {
        String slot = newSlot();
        Handler<String> place = new DynamoOperations(client, IDEMPOTENCY).transact((caller, request) -> placeOrder(slot));
        Invocation<String> invocation = call("again-" + UUID.randomUUID(), "{}");

        Reply first = place.handle(invocation);
        Reply again = place.handle(invocation);

        assertThat(first.headers()).containsOnlyKeys("Location");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.headers()).containsEntry("Location", first.headers().get("Location"))
                .containsEntry(Reply.REPLAYED_HEADER, "true").hasSize(2);
        assertThat(placed(slot)).isEqualTo(1);
    }

    @Test
    void concurrentOrdersUnderDistinctKeys_neverExceedTheCapacity() throws Exception {
        String slot = newSlot();
        Handler<String> place = new DynamoOperations(client, IDEMPOTENCY).transact((caller, request) -> placeOrder(slot));

        List<Object> outcomes = concurrently(40, () -> {
            try {
                return place.handle(call("k-" + UUID.randomUUID(), "{}"));
            } catch (ApiException e) {
                return e.code().name();
            }
        });

        assertThat(outcomes.stream().filter(o -> o instanceof Reply).count()).isEqualTo(CAPACITY);
        assertThat(outcomes.stream().filter(o -> o instanceof String)).containsOnly("VALIDATION_FAILED");
        assertThat(placed(slot)).isEqualTo(CAPACITY);
    }

    @Test
    void theSameKeyWithAnotherBody_isRefusedWith422_andTakesNoEffect() {
        String slot = newSlot();
        Handler<String> place = new DynamoOperations(client, IDEMPOTENCY).transact((caller, request) -> placeOrder(slot));
        String key = "k-" + UUID.randomUUID();
        place.handle(call(key, "{\"n\":1}"));

        assertThatThrownBy(() -> place.handle(call(key, "{\"n\":2}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(CommonProblem.IDEMPOTENCY_KEY_REUSED));
        assertThat(placed(slot)).isEqualTo(1);
    }

    @Test
    void injectedTransactionConflicts_areRetried_andTheWriteCommitsOnce() {
        String slot = newSlot();
        ConflictInjectingClient faulty = new ConflictInjectingClient(client, 2);
        Handler<String> place = new DynamoOperations(faulty, IDEMPOTENCY).transact((caller, request) -> placeOrder(slot));

        Reply reply = place.handle(call("k-" + UUID.randomUUID(), "{}"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(faulty.conflictsThrown.get()).isEqualTo(2);
        assertThat(placed(slot)).isEqualTo(1);
    }

    @Test
    void conflictsThatNeverEnd_areAnswered409_andNothingIsHalfWritten() {
        String slot = newSlot();
        ConflictInjectingClient faulty = new ConflictInjectingClient(client, Integer.MAX_VALUE);
        Handler<String> place = new DynamoOperations(faulty, IDEMPOTENCY).transact((caller, request) -> placeOrder(slot));
        String key = "k-" + UUID.randomUUID();

        assertThatThrownBy(() -> place.handle(call(key, "{}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(CommonProblem.CONCURRENT_UPDATE));
        assertThat(faulty.conflictsThrown.get()).isEqualTo(DynamoOperations.ATTEMPTS_MAX);
        assertThat(placed(slot)).isZero();
        Reply retried = new DynamoOperations(client, IDEMPOTENCY).<String>transact((caller, request) -> placeOrder(slot)).handle(call(key, "{}"));
        assertThat(retried.status()).as("the key was not burnt by the failed attempt").isEqualTo(201);
    }

    @Test
    void aDuplicateThatCommitsAfterTheFirstLook_getsTheFirstAnswer_notTheRefusalItsEffectCauses() {
        String order = newSlot();
        DynamoOperations dynamo = new DynamoOperations(client, IDEMPOTENCY);
        Handler<String> cancel = dynamo.transact((caller, request) -> cancelOnce(order));
        Invocation<String> invocation = call("cancel-" + UUID.randomUUID(), "{}");
        AtomicReference<Reply> first = new AtomicReference<>();
        Handler<String> overtaken = dynamo.transact((caller, request) -> {
            if (first.get() == null) {
                first.set(cancel.handle(invocation)); // the duplicate commits between this request's look-up and its reads
            }
            return cancelOnce(order);
        });

        Reply second = overtaken.handle(invocation);

        assertThat(second.json()).as("the first answer, byte for byte").isEqualTo(first.get().json());
        assertThat(second.headers()).containsEntry("idempotent-replayed", "true");
        assertThat(cancellations(order)).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentDuplicatesOfACancel_allGetTheFirstAnswer_andNoneTheNotCancellableRefusal() throws Exception {
        String order = newSlot();
        Handler<String> cancel = new DynamoOperations(client, IDEMPOTENCY).transact((caller, request) -> cancelOnce(order));
        Invocation<String> invocation = call("cancel-" + UUID.randomUUID(), "{}");

        List<Object> outcomes = concurrently(50, () -> {
            try {
                return cancel.handle(invocation).json();
            } catch (ApiException e) {
                return e.code().name();
            }
        });

        assertThat(outcomes).as("first answers only").allMatch(o -> o.equals(outcomes.get(0)) && o.toString().startsWith("{"));
        assertThat(cancellations(order)).isEqualTo(1);
    }

    /** A cancel: refused once the order is cancelled, so a duplicate that reads after the first commit breaks it. */
    private static DynamoTransaction cancelOnce(String order) {
        Map<String, AttributeValue> key = Map.of("pk", s("order#" + order), "sk", s("order"));
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(BUSINESS).consistentRead(true).key(key)).item();
        if (item != null && item.containsKey("cancelled")) {
            throw ApiException.invalid("order", "NOT_CANCELLABLE", "The order is already cancelled");
        }
        TransactWriteItem write = TransactWriteItem.builder().update(Update.builder().tableName(BUSINESS).key(key)
                .updateExpression("SET cancelled = :id ADD cancellations :one")
                .conditionExpression("attribute_not_exists(cancelled)")
                .expressionAttributeValues(Map.of(":id", s(UUID.randomUUID().toString()), ":one", n(1)))
                .build()).build();
        return new DynamoTransaction(List.of(ConditionalWrite.refusing(write,
                ApiException.invalid("order", "NOT_CANCELLABLE", "The order is already cancelled"))),
                new Reply(200, "{\"cancellation\":\"" + UUID.randomUUID() + "\"}", Map.of()));
    }

    private static long cancellations(String order) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(BUSINESS).consistentRead(true)
                .key(Map.of("pk", s("order#" + order), "sk", s("order")))).item();
        return item == null || !item.containsKey("cancellations") ? 0 : Long.parseLong(item.get("cancellations").n());
    }

    /** One order: the slot's counter goes up only while below capacity, and the order item is new. */
    private static DynamoTransaction placeOrder(String slot) {
        String orderId = UUID.randomUUID().toString();
        TransactWriteItem seat = TransactWriteItem.builder().update(Update.builder().tableName(BUSINESS)
                .key(Map.of("pk", s("slot#" + slot), "sk", s("counter")))
                .updateExpression("ADD placed :one")
                .conditionExpression("attribute_not_exists(placed) OR placed < :cap")
                .expressionAttributeValues(Map.of(":one", n(1), ":cap", n(CAPACITY)))
                .build()).build();
        TransactWriteItem order = TransactWriteItem.builder().put(p -> p.tableName(BUSINESS)
                .item(Map.of("pk", s("slot#" + slot), "sk", s("order#" + orderId)))
                .conditionExpression("attribute_not_exists(pk)")).build();
        return new DynamoTransaction(List.of(
                ConditionalWrite.refusing(seat, ApiException.invalid("slot", "SOLD_OUT", "No seat left")),
                ConditionalWrite.unconditional(order)), new Reply(201, "{\"orderId\":\"" + orderId + "\"}",
                Map.of("Location", "/v1/orders/" + orderId)));
    }

    private static long placed(String slot) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(BUSINESS).consistentRead(true)
                .key(Map.of("pk", s("slot#" + slot), "sk", s("counter")))).item();
        return item == null || !item.containsKey("placed") ? 0 : Long.parseLong(item.get("placed").n());
    }

    private static Invocation<String> call(String key, String body) {
        Caller caller = new Caller("resident-1", "330105", Set.of(Role.RESIDENT));
        return new Invocation<>(FUNCTION, caller, body,
                Optional.of(IdempotencyKey.of("330105", "resident-1", key, "POST", PATH, body)),
                UUID.randomUUID().toString(), Instant.now());
    }

    private static String newSlot() {
        return UUID.randomUUID().toString();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static <T> List<T> concurrently(int clients, Supplier<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(task::get));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The real DynamoDB Local client, with TransactionConflictException injected into the first
     * {@code conflicts} transactions (DynamoDB Local never raises it by itself).
     */
    private static final class ConflictInjectingClient implements DynamoDbClient {
        private final DynamoDbClient real;
        private final int conflicts;
        final AtomicInteger conflictsThrown = new AtomicInteger();

        ConflictInjectingClient(DynamoDbClient real, int conflicts) {
            this.real = real;
            this.conflicts = conflicts;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            if (conflictsThrown.get() < conflicts) {
                conflictsThrown.incrementAndGet();
                throw TransactionConflictException.builder().message("injected").build();
            }
            return real.transactWriteItems(request);
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return real.getItem(request);
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
