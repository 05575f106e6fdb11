package cn.yiyang.meals;

import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoTables;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The meal table (see {@link MealTable} for what lives where). */
@Singleton
public class MealStore extends DynamoStore {

    public MealStore(DynamoDbClient client, DynamoTables tables, MealTable meals) {
        super(client, tables.physicalName(meals));
    }
}
