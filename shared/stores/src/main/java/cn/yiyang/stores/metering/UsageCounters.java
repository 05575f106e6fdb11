package cn.yiyang.stores.metering;

import cn.yiyang.kernel.metering.UsageLine;
import cn.yiyang.kernel.metering.UsageMeter.UsageCount;
import cn.yiyang.stores.dynamo.DynamoTables;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The usage counters on DynamoDB: per county, day, function and route, {@value #SHARDS} items (shards), which only
 * the aggregator adds to ({@link UsageAggregator}), each delivery to one shard; one query reads a county's month and
 * sums the shards. Shards because at county scale several deliveries count the same busy route at once, and
 * DynamoDB cancels a transaction whose item another transaction is writing (TransactionConflict): eight items
 * make that eight times rarer, for a month's query eight times longer (a report, not a request path). The counts
 * go out in the usage report as JSON, in any function that reads them (the gateway registers them too, for the API
 * functions).
 */
@ApplicationScoped
@RegisterForReflection(targets = UsageCount.class)
public class UsageCounters {

    /** Items per counter: a delivery adds to the one its id picks. */
    public static final int SHARDS = 8;

    private static final Pattern SHARD_SUFFIX = Pattern.compile("#s\\d{2}$");

    private final DynamoDbClient client;
    private final String table;

    @jakarta.inject.Inject
    public UsageCounters(DynamoDbClient client, DynamoTables tables, UsageTable usage) {
        this(client, tables.physicalName(usage));
    }

    public UsageCounters(DynamoDbClient client, String physicalTable) {
        this.client = client;
        this.table = physicalTable;
    }

    /** The counter a call adds to: {@code pk = <county>#<YYYY-MM>}, {@code sk = <day>#<function>#<route>}. */
    public record Counter(String pk, String sk) implements Comparable<Counter> {

        public static Counter of(UsageLine call) {
            return new Counter(call.county() + "#" + YearMonth.from(call.day()),
                    call.day() + "#" + call.function() + "#" + call.route());
        }

        /** The sort key of one of the counter's items: {@code <sk>#s<shard, two digits>}. */
        public String shardSk(int shard) {
            if (shard < 0 || shard >= SHARDS) {
                throw new IllegalArgumentException("shard " + shard + " of " + SHARDS);
            }
            return sk + "#s" + (shard < 10 ? "0" : "") + shard;
        }

        @Override
        public int compareTo(Counter other) {
            int byPk = pk.compareTo(other.pk);
            return byPk != 0 ? byPk : sk.compareTo(other.sk);
        }
    }

    /** Every counter of the county's month, its shards summed, in day, function, route order. */
    public List<UsageCount> month(String county, YearMonth month) {
        SortedMap<String, Long> calls = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = client.query(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(county + "#" + month)))
                    .exclusiveStartKey(exclusiveStart)
                    .consistentRead(true));
            for (Map<String, AttributeValue> item : page.items()) {
                String counterSk = SHARD_SUFFIX.matcher(item.get("sk").s()).replaceFirst("");
                calls.merge(counterSk, Long.parseLong(item.get("calls").n()), Long::sum);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        List<UsageCount> counts = new ArrayList<>(calls.size());
        calls.forEach((sk, n) -> {
            String[] parts = sk.split("#", 3);
            counts.add(new UsageCount(LocalDate.parse(parts[0]), parts[1], parts[2], n));
        });
        return counts;
    }
}
