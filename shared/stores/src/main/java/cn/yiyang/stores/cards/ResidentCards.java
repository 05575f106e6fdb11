package cn.yiyang.stores.cards;

import cn.yiyang.stores.dynamo.DynamoTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes resident cards. The residents function writes them (inside its PostgreSQL
 * transaction, before commit, so a failed publish rolls the change back); the meal, booking and
 * time-bank functions read them with one strongly consistent GetItem, and so never need a
 * PostgreSQL connection on their hot paths.
 */
@ApplicationScoped
public class ResidentCards {

    private final DynamoDbClient client;
    private final String table;

    public ResidentCards(DynamoDbClient client, DynamoTables tables, ResidentCardTable cards) {
        this.client = client;
        this.table = tables.physicalName(cards);
    }

    public void put(ResidentCard card) {
        Map<String, AttributeValue> item = new HashMap<>(key(card.county(), card.residentId()));
        item.put("name", s(card.name()));
        item.put("birthDate", s(card.birthDate().toString()));
        item.put("status", s(card.status()));
        item.put("streetCode", s(card.streetCode()));
        item.put("addressLine", s(card.addressLine()));
        if (!card.categories().isEmpty()) {
            item.put("categories", AttributeValue.fromSs(card.categories().stream().sorted().toList()));
        }
        if (card.disabilityLevel() != null) {
            item.put("disabilityLevel", s(card.disabilityLevel()));
        }
        if (card.phoneMasked() != null) {
            item.put("phoneMasked", s(card.phoneMasked()));
        }
        if (!card.familySubjects().isEmpty()) {
            item.put("familySubjects", AttributeValue.fromSs(card.familySubjects().stream().sorted().toList()));
        }
        client.putItem(b -> b.tableName(table).item(item));
    }

    public Optional<ResidentCard> find(String county, String residentId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(county, residentId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResidentCard(county, residentId, item.get("name").s(),
                LocalDate.parse(item.get("birthDate").s()), set(item.get("categories")),
                text(item.get("disabilityLevel")), item.get("status").s(), item.get("streetCode").s(),
                item.get("addressLine").s(), text(item.get("phoneMasked")), set(item.get("familySubjects"))));
    }

    private static Map<String, AttributeValue> key(String county, String residentId) {
        return Map.of("pk", s(county + "#" + residentId), "sk", s("CARD"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }

    private static Set<String> set(AttributeValue value) {
        return value == null || !value.hasSs() ? Set.of() : Set.copyOf(value.ss());
    }
}
