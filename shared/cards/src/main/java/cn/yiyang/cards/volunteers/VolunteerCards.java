package cn.yiyang.cards.volunteers;

import static cn.yiyang.stores.dynamo.DynamoStore.key;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.kernel.identity.Sex;
import cn.yiyang.stores.dynamo.DynamoTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes volunteer cards. The identity function writes one inside the registration's
 * PostgreSQL transaction, before it commits (a failed publish rolls the registration back); the
 * time bank reads it with one strongly consistent GetItem.
 */
@ApplicationScoped
public class VolunteerCards {

    static final String SK = "CARD";

    private final DynamoDbClient client;
    private final String table;

    public VolunteerCards(DynamoDbClient client, DynamoTables tables, VolunteerCardTable cards) {
        this.client = client;
        this.table = tables.physicalName(cards);
    }

    public void put(VolunteerCard card) {
        Map<String, AttributeValue> item = new HashMap<>(key(card.county() + "#" + card.volunteerId(), SK));
        item.put("birthDate", s(card.birthDate().toString()));
        item.put("sex", s(card.sex().name()));
        client.putItem(b -> b.tableName(table).item(item));
    }

    public Optional<VolunteerCard> find(String county, String volunteerId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(county + "#" + volunteerId, SK))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VolunteerCard(county, volunteerId, LocalDate.parse(item.get("birthDate").s()),
                Sex.valueOf(item.get("sex").s())));
    }
}
