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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The usage counters on DynamoDB: one item per county, day, function and route, which only the aggregator
 * adds to ({@link UsageAggregator}); one query reads a county's month. The counts go out in the usage report
 * as JSON, in any function that reads them (the gateway registers them too, for the API functions).
 */
@ApplicationScoped
@RegisterForReflection(targets = UsageCount.class)
public class UsageCounters {

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

        @Override
        public int compareTo(Counter other) {
            int byPk = pk.compareTo(other.pk);
            return byPk != 0 ? byPk : sk.compareTo(other.sk);
        }
    }

    public List<UsageCount> month(String county, YearMonth month) {
        List<UsageCount> counts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = client.query(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(county + "#" + month)))
                    .exclusiveStartKey(exclusiveStart)
                    .consistentRead(true));
            for (Map<String, AttributeValue> item : page.items()) {
                String[] parts = item.get("sk").s().split("#", 3);
                counts.add(new UsageCount(LocalDate.parse(parts[0]), parts[1], parts[2],
                        Long.parseLong(item.get("calls").n())));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return counts;
    }
}
