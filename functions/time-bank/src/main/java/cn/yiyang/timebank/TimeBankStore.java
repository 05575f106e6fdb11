package cn.yiyang.timebank;

import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoTables;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Singleton
public class TimeBankStore extends DynamoStore {

    public TimeBankStore(DynamoDbClient client, DynamoTables tables, TimeBankTable table) {
        super(client, tables.physicalName(table));
    }

    public static String accountPk(String county, String volunteer) {
        return "A#" + county + "#" + volunteer;
    }
}
