package cn.yiyang.timebank;

import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoTables;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class TimeBankStore extends DynamoStore {

    public TimeBankStore(DynamoDbClient client, DynamoTables tables, TimeBankTable table) {
        super(client, tables.physicalName(table));
    }

    public static String accountPk(String county, String account) {
        return "A#" + county + "#" + account;
    }

    /**
     * Up to {@code limit} items of a partition under a sort-key prefix, strictly before the
     * sort key {@code before}, newest first: the next page of a statement.
     */
    public List<Map<String, AttributeValue>> newestBefore(String pk, String prefix, String before, int limit) {
        return client().query(q -> q.tableName(table()).consistentRead(true).scanIndexForward(false).limit(limit + 1)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(prefix), ":to", s(before)))).items()
                .stream().filter(item -> !item.get("sk").s().equals(before)).limit(limit).toList();
    }

    /** Up to {@code limit} items of an index partition whose sort key is below {@code skBefore}, oldest first. */
    public List<Map<String, AttributeValue>> before(String index, String pk, String skBefore, int limit) {
        return client().query(q -> q.tableName(table()).indexName(index).limit(limit)
                .keyConditionExpression("#pk = :pk AND #sk < :before")
                .expressionAttributeNames(Map.of("#pk", index + "pk", "#sk", index + "sk"))
                .expressionAttributeValues(Map.of(":pk", s(pk), ":before", s(skBefore)))).items();
    }
}
