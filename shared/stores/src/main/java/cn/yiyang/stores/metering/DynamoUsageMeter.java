package cn.yiyang.stores.metering;

import cn.yiyang.kernel.metering.UsageMeter;
import cn.yiyang.stores.dynamo.DynamoTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Metering on DynamoDB atomic counters: one {@code UpdateItem ADD} per call, no read first. */
@ApplicationScoped
public class DynamoUsageMeter implements UsageMeter {

    private final DynamoDbClient client;
    private final String table;

    public DynamoUsageMeter(DynamoDbClient client, DynamoTables tables, UsageTable usage) {
        this.client = client;
        this.table = tables.physicalName(usage);
    }

    @Override
    public void count(String county, String function, String routeKey, LocalDate day) {
        client.updateItem(b -> b.tableName(table)
                .key(Map.of(
                        "pk", s(county + "#" + YearMonth.from(day)),
                        "sk", s(day + "#" + function + "#" + routeKey)))
                .updateExpression("ADD calls :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    @Override
    public List<UsageCount> month(String county, YearMonth month) {
        List<UsageCount> counts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = client.query(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(county + "#" + month)))
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

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
