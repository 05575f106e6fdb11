package cn.yiyang.stores.metering;

import cn.yiyang.kernel.metering.UsageLine;
import cn.yiyang.stores.dynamo.DynamoTables;
import cn.yiyang.stores.metering.UsageCounters.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Adds the usage lines of one CloudWatch Logs delivery to the usage counters, exactly once per delivery.
 *
 * <p>The lines are grouped by counter, in a fixed order, into parts of at most {@value #COUNTERS_PER_PART_MAX}
 * counters; each part is one {@code TransactWriteItems}: a marker item for (delivery, part), written only if
 * absent, and the part's {@code ADD}s, each to the counter's shard this delivery picks ({@link UsageCounters}). A redelivered batch (CloudWatch and Lambda retry a failed one) makes
 * the same parts: a part already counted finds its marker and is skipped, so a delivery that failed after
 * part 1 counts only parts 2 and up the second time; an SDK retry of a transaction that did land finds its
 * marker the same way. One marker per part, not per call: a batch of thousands of calls costs a handful of
 * writes rather than two per call. Markers expire after {@value #MARKER_TTL_DAYS} days, long after the last
 * redelivery can come (Lambda retries an asynchronous event for at most six hours).
 *
 * <p>A malformed usage line is counted in the "rejected" log line and never fails the delivery; other log
 * lines are ignored.
 */
@ApplicationScoped
public class UsageAggregator {

    /** TransactWriteItems takes 100 items: the marker and 99 counters. */
    public static final int COUNTERS_PER_PART_MAX = 99;
    public static final int MARKER_TTL_DAYS = 14;
    public static final int CONFLICT_ATTEMPTS_MAX = 8;
    public static final long CONFLICT_BACKOFF_MILLIS = 10;

    private static final Logger LOG = Logger.getLogger(UsageAggregator.class);
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    /** Markers expire by the wall clock DynamoDB's TTL reads, not by a county's (or a test's) clock. */
    @jakarta.inject.Inject
    public UsageAggregator(DynamoDbClient client, DynamoTables tables, UsageTable usage) {
        this(client, tables.physicalName(usage), Clock.systemUTC());
    }

    /** Without CDI: a client of the test's own making (one that fails, for instance). */
    public UsageAggregator(DynamoDbClient client, String physicalTable, Clock clock) {
        this.client = client;
        this.table = physicalTable;
        this.clock = clock;
    }

    /** What one delivery added: its id, the usage lines it held, those rejected, and its parts. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record Delivered(String deliveryId, int usageLines, int rejectedLines, int parts, int partsAlreadyCounted) {
    }

    /** The Lambda's entry: the subscription event as CloudWatch sends it. */
    public Delivered deliver(LogsSubscriptionEvent event) {
        return deliver(LogsBatch.decode(event));
    }

    public Delivered deliver(LogsBatch batch) {
        String id = deliveryId(batch);
        if (!batch.isData()) {
            return new Delivered(id, 0, 0, 0, 0);
        }
        SortedMap<Counter, Long> counters = new TreeMap<>();
        int lines = 0;
        int rejected = 0;
        for (LogsBatch.LogEvent event : batch.logEvents()) {
            UsageLine.Read read = UsageLine.read(event.message());
            if (read instanceof UsageLine.Valid valid) {
                counters.merge(Counter.of(valid.line()), 1L, Long::sum);
                lines++;
            } else if (read instanceof UsageLine.Rejected) {
                rejected++;
            }
        }
        if (rejected > 0) {
            // Counted, never quoted: a malformed line may hold anything.
            LOG.warnf("usage lines rejected: %d of delivery %s from %s", rejected, id, batch.logGroup());
        }
        List<Map.Entry<Counter, Long>> all = new ArrayList<>(counters.entrySet());
        int parts = (all.size() + COUNTERS_PER_PART_MAX - 1) / COUNTERS_PER_PART_MAX;
        int alreadyCounted = 0;
        int shard = shardOf(id);
        for (int part = 0; part < parts; part++) {
            List<Map.Entry<Counter, Long>> slice = all.subList(part * COUNTERS_PER_PART_MAX,
                    Math.min(all.size(), (part + 1) * COUNTERS_PER_PART_MAX));
            if (!addOnce(id, part + 1, shard, slice)) {
                alreadyCounted++;
            }
        }
        return new Delivered(id, lines, rejected, parts, alreadyCounted);
    }

    /** False when the part's marker was already there: the part was counted by an earlier delivery. */
    private boolean addOnce(String deliveryId, int part, int shard, List<Map.Entry<Counter, Long>> counters) {
        List<TransactWriteItem> items = new ArrayList<>(counters.size() + 1);
        long expiresAt = clock.instant().plus(Duration.ofDays(MARKER_TTL_DAYS)).getEpochSecond();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Map.of("pk", s("delivery#" + deliveryId), "sk", s("part#" + part),
                        "counters", AttributeValue.fromN(Integer.toString(counters.size())),
                        UsageTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt))))
                .conditionExpression("attribute_not_exists(pk)")).build());
        for (Map.Entry<Counter, Long> counter : counters) {
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(Map.of("pk", s(counter.getKey().pk()), "sk", s(counter.getKey().shardSk(shard))))
                    .updateExpression("ADD calls :n")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(counter.getValue().toString()))))
                    .build());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(b -> b.transactItems(items));
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (!reasons.isEmpty() && CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
                    return false;
                }
                boolean conflict = reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()));
                if (!conflict || attempt >= CONFLICT_ATTEMPTS_MAX) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** The counters' shard a delivery adds to: from its id, so that a redelivery adds (or finds its marker) there too. */
    static int shardOf(String deliveryId) {
        return Integer.parseInt(deliveryId.substring(0, 2), 16) % UsageCounters.SHARDS;
    }

    /**
     * The same for every delivery of the same log events, whichever invocation carries them: the log group,
     * the stream and CloudWatch's event ids (unique per event).
     */
    static String deliveryId(LogsBatch batch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((batch.logGroup() + "\n" + batch.logStream() + "\n").getBytes(StandardCharsets.UTF_8));
            for (LogsBatch.LogEvent event : batch.logEvents()) {
                sha.update((event.id() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(CONFLICT_BACKOFF_MILLIS * attempt + ThreadLocalRandom.current().nextLong(CONFLICT_BACKOFF_MILLIS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting usage", interrupted);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
