package cn.yiyang.stores.dynamo;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyKey;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Turns DynamoDB-backed business logic into a {@link Handler} whose writes are one
 * {@code TransactWriteItems}: the business items with their conditions, plus the idempotency
 * record written only if absent. The record and the effect commit together or not at all, so a
 * duplicate loses the record's condition in its own transaction and then replays the first
 * answer byte for byte (or 422 for another body); a refusal of any kind looks for the record,
 * since the first request's effect may be its cause. A request whose key is new reads nothing
 * but what its business needs: its record costs no round trip of its own.
 * Transaction conflicts are retried a bounded number of times with jitter, then answered 409.
 */
@ApplicationScoped
public class DynamoOperations {

    public static final int ATTEMPTS_MAX = 5;
    public static final int BACKOFF_BASE_MILLIS = 10;
    static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbClient client;
    private final String table;

    @Inject
    public DynamoOperations(DynamoDbClient client, DynamoTables tables, IdempotencyTable idempotency) {
        this(client, tables.physicalName(idempotency));
    }

    public DynamoOperations(DynamoDbClient client, String idempotencyTableName) {
        this.client = client;
        this.table = idempotencyTableName;
    }

    /** Reads need no guard: the service is called as it is. */
    public <R> Handler<R> query(BiFunction<Caller, R, Reply> work) {
        return invocation -> work.apply(invocation.caller(), invocation.request());
    }

    /**
     * A write: the service computes its transaction from fresh reads; its items and the idempotency
     * record commit together. A failed condition is answered by what its item stands for.
     */
    public <R> Handler<R> transact(BiFunction<Caller, R, DynamoTransaction> work) {
        return new Guarded<>(invocation -> transact(invocation, () -> work.apply(invocation.caller(), invocation.request())));
    }

    private Reply transact(Invocation<?> invocation, Supplier<DynamoTransaction> work) {
        Optional<IdempotencyKey> key = invocation.idempotencyKey();
        long now = invocation.receivedAt().getEpochSecond();
        // No look-up of the key first: the record is written only if absent, in the same transaction
        // as the effect, so a duplicate finds it by its own transaction failing on it (or by a
        // refusal, below) and replays the first answer; the first request saves a round trip.
        for (int attempt = 1; ; attempt++) {
            DynamoTransaction transaction;
            try {
                transaction = work.get();
            } catch (ApiException refusal) {
                return firstAnswer(invocation, now).orElseThrow(() -> refusal);
            }
            List<TransactWriteItem> items = new ArrayList<>();
            transaction.writes().forEach(w -> items.add(w.write()));
            key.ifPresent(k -> items.add(recordOf(invocation.function(), k, transaction.reply(), now)));
            try {
                client.transactWriteItems(b -> b.transactItems(items));
                return transaction.reply();
            } catch (TransactionCanceledException e) {
                Optional<ConditionalWrite.IfConditionFails> failed = failedCondition(e.cancellationReasons(),
                        transaction.writes(), key.isPresent());
                if (failed.isPresent()) {
                    ConditionalWrite.IfConditionFails meaning = failed.get();
                    if (meaning instanceof ConditionalWrite.IfConditionFails.Refuse refuse) {
                        return firstAnswer(invocation, now).orElseThrow(refuse.refusal());
                    }
                    if (meaning == ConditionalWrite.IfConditionFails.CannotFail.INSTANCE) {
                        throw new IllegalStateException("a write that cannot fail its condition did, in "
                                + invocation.function());
                    }
                }
                if (key.isPresent() && isRecordTaken(e.cancellationReasons(), items.size())) {
                    // Another request with this key committed first: its answer is ours.
                    return replay(invocation.function(), key.get(), now).orElseThrow(() -> key.get().stillInProgress());
                }
                giveUpOrBackOff(attempt);
            } catch (TransactionConflictException e) {
                giveUpOrBackOff(attempt);
            }
        }
    }

    /**
     * The business item whose condition failed, if any; the idempotency record's own failure is
     * told apart by {@link #isRecordTaken}.
     */
    private static Optional<ConditionalWrite.IfConditionFails> failedCondition(List<CancellationReason> reasons,
                                                                              List<ConditionalWrite> writes,
                                                                              boolean withRecord) {
        if (reasons.size() != writes.size() + (withRecord ? 1 : 0)) {
            return Optional.empty();
        }
        for (int i = 0; i < writes.size(); i++) {
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(i).code())) {
                return Optional.of(writes.get(i).ifConditionFails());
            }
        }
        return Optional.empty();
    }

    private static boolean isRecordTaken(List<CancellationReason> reasons, int items) {
        return reasons.size() == items && CONDITIONAL_CHECK_FAILED.equals(reasons.get(items - 1).code());
    }

    /**
     * A refusal may be caused by a duplicate's own effect (the first request under this key
     * committed while this one was reading): then the first answer is the answer, not the refusal.
     */
    private Optional<Reply> firstAnswer(Invocation<?> invocation, long now) {
        return invocation.idempotencyKey().flatMap(key -> replay(invocation.function(), key, now));
    }

    private Optional<Reply> replay(String function, IdempotencyKey key, long now) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(keyOf(function, key))).item();
        if (item == null || item.isEmpty() || Long.parseLong(item.get(IdempotencyTable.EXPIRES_AT).n()) <= now) {
            return Optional.empty();
        }
        if (!key.fingerprint().equals(item.get("fingerprint").s())) {
            throw key.reusedWithDifferentRequest();
        }
        AttributeValue headers = item.get("headers");
        return Optional.of(Reply.replayed(Integer.parseInt(item.get("status").n()), item.get("body").s(),
                headers == null ? "" : headers.s()));
    }

    private TransactWriteItem recordOf(String function, IdempotencyKey key, Reply reply, long now) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(keyOf(function, key));
        item.put("fingerprint", AttributeValue.fromS(key.fingerprint()));
        item.put("status", AttributeValue.fromN(Integer.toString(reply.status())));
        item.put("body", AttributeValue.fromS(reply.json()));
        if (!reply.headers().isEmpty()) {
            item.put("headers", AttributeValue.fromS(reply.storedHeaders()));
        }
        item.put(IdempotencyTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(
                now + Duration.ofHours(IdempotencyKey.TTL_HOURS).toSeconds())));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                // An expired record that TTL has not yet deleted may be overwritten.
                .conditionExpression("attribute_not_exists(pk) OR #expires <= :now")
                .expressionAttributeNames(Map.of("#expires", IdempotencyTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now))))
                .build()).build();
    }

    private static Map<String, AttributeValue> keyOf(String function, IdempotencyKey key) {
        return Map.of(
                "pk", AttributeValue.fromS(key.county() + "#" + key.caller()),
                "sk", AttributeValue.fromS(function + "#" + key.key()));
    }

    private static void giveUpOrBackOff(int attempt) {
        if (attempt >= ATTEMPTS_MAX) {
            throw new ApiException(CommonProblem.CONCURRENT_UPDATE,
                    "DynamoDB kept reporting conflicting concurrent transactions; try again");
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ((long) BACKOFF_BASE_MILLIS << attempt) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(CommonProblem.CONCURRENT_UPDATE, "Interrupted while retrying");
        }
    }

    private record Guarded<R>(Handler<R> delegate) implements Handler<R>, IdempotencyGuarded {
        @Override
        public Reply handle(Invocation<R> invocation) {
            return delegate.handle(invocation);
        }
    }
}
