package cn.yiyang.cards.residents;

import cn.yiyang.stores.dynamo.BatchRead;
import cn.yiyang.stores.dynamo.DynamoTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Reads and writes resident cards. The residents function writes them (inside its PostgreSQL
 * transaction, before commit, so a failed publish rolls the change back); the meal, booking and
 * time-bank functions read them with one strongly consistent GetItem, and so never need a
 * PostgreSQL connection on their hot paths. Batches (the fund lines' monthly allowances) read a
 * county's residents by birth date through the {@code by-county} index.
 */
@ApplicationScoped
public class ResidentCards {

    /** Cards asked of DynamoDB per page of a county query. */
    public static final int COUNTY_PAGE_ITEMS = 500;
    /** No county query reads more cards than this, whatever it asks for: a county's 60+ (a batch reads them all). */
    public static final int COUNTY_QUERY_ITEMS_MAX = 250_000;
    /** Cards per BatchWriteItem, DynamoDB's own limit. */
    public static final int WRITE_BATCH_ITEMS_MAX = 25;
    /** Rounds of re-sending the items DynamoDB left unprocessed before a bulk write gives up. */
    public static final int UNPROCESSED_ROUNDS_MAX = 10;
    private static final String BY_COUNTY_PK = ResidentCardTable.BY_COUNTY + "pk";
    private static final String BY_COUNTY_SK = ResidentCardTable.BY_COUNTY + "sk";
    private static final String BY_PHONE_PK = ResidentCardTable.BY_PHONE + "pk";
    private static final String BY_PHONE_SK = ResidentCardTable.BY_PHONE + "sk";
    /** Residents sharing one phone (a couple, a carer's phone) read at most per look-up. */
    public static final int PHONE_MATCHES_MAX = 10;

    private final DynamoDbClient client;
    private final String table;

    public ResidentCards(DynamoDbClient client, DynamoTables tables, ResidentCardTable cards) {
        this.client = client;
        this.table = tables.physicalName(cards);
    }

    public void put(ResidentCard card) {
        put(card, null);
    }

    /** The card, and the keys a WeChat binding matches against (null: the card carries none). */
    public void put(ResidentCard card, ResidentSignInKeys signIn) {
        client.putItem(b -> b.tableName(table).item(item(card, signIn)));
    }

    /**
     * Many cards without sign-in keys, 25 to a BatchWriteItem (a generated county for a batch's test
     * or benchmark, a registry import); items DynamoDB leaves unprocessed are sent again.
     */
    public void putAll(List<ResidentCard> cards) {
        for (int from = 0; from < cards.size(); from += WRITE_BATCH_ITEMS_MAX) {
            List<WriteRequest> writes = cards.subList(from, Math.min(cards.size(), from + WRITE_BATCH_ITEMS_MAX)).stream()
                    .map(card -> WriteRequest.builder().putRequest(PutRequest.builder().item(item(card, null)).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round >= UNPROCESSED_ROUNDS_MAX) {
                    throw new IllegalStateException("DynamoDB left cards unprocessed " + UNPROCESSED_ROUNDS_MAX + " times");
                }
                Map<String, List<WriteRequest>> request = pending;
                pending = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> item(ResidentCard card, ResidentSignInKeys signIn) {
        Map<String, AttributeValue> item = new HashMap<>(key(card.county(), card.residentId()));
        if (signIn != null && signIn.phoneIndex() != null) {
            item.put(BY_PHONE_PK, s(phoneKey(card.county(), signIn.phoneIndex())));
            item.put(BY_PHONE_SK, s(card.residentId()));
        }
        if (signIn != null) {
            item.put("idTailIndex", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(signIn.idTailIndex())));
        }
        item.put(BY_COUNTY_PK, s(card.county()));
        item.put(BY_COUNTY_SK, s(card.birthDate() + "#" + card.residentId()));
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
        return item;
    }

    public Optional<ResidentCard> find(String county, String residentId) {
        return cardIn(county, residentId, client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(county, residentId))).item());
    }

    /**
     * The card's key for a {@link BatchRead} beside the request's own items: the card and what the
     * request reads with it cost one round trip, not two in a row.
     */
    public BatchRead.Key keyOf(String county, String residentId) {
        return new BatchRead.Key(table, key(county, residentId));
    }

    /** The card among the items a {@link BatchRead} found, if it was asked for under {@link #keyOf} and exists. */
    public Optional<ResidentCard> in(Map<BatchRead.Key, Map<String, AttributeValue>> found, String county, String residentId) {
        return cardIn(county, residentId, found.get(keyOf(county, residentId)));
    }

    private static Optional<ResidentCard> cardIn(String county, String residentId, Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(card(county, residentId, item));
    }

    /**
     * The county's cards of residents born on or before {@code date}, oldest first, at most {@code limit}
     * ({@link #COUNTY_QUERY_ITEMS_MAX} at most): a paginated query of the {@code by-county} index, so
     * eventually consistent (a card published a moment ago may be missing).
     */
    public List<ResidentCard> bornOnOrBefore(String county, LocalDate date, int limit) {
        return bornOnOrBefore(county, date, limit, COUNTY_PAGE_ITEMS);
    }

    /** The same, with a page size of its own (tests use small pages to walk many). */
    public List<ResidentCard> bornOnOrBefore(String county, LocalDate date, int limit, int pageItems) {
        if (limit < 1 || limit > COUNTY_QUERY_ITEMS_MAX || pageItems < 1 || pageItems > COUNTY_PAGE_ITEMS) {
            throw new IllegalArgumentException("limit 1.." + COUNTY_QUERY_ITEMS_MAX + ", page 1.." + COUNTY_PAGE_ITEMS);
        }
        List<ResidentCard> cards = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = client.query(b -> b.tableName(table).indexName(ResidentCardTable.BY_COUNTY)
                    .keyConditionExpression("#pk = :county AND #sk < :after")
                    .expressionAttributeNames(Map.of("#pk", BY_COUNTY_PK, "#sk", BY_COUNTY_SK))
                    // "<date + 1 day>" sorts after every "<date>#<id>" and before the next day's
                    .expressionAttributeValues(Map.of(":county", s(county), ":after", s(date.plusDays(1).toString())))
                    .limit(Math.min(pageItems, limit - cards.size()))
                    .exclusiveStartKey(exclusiveStart));
            for (Map<String, AttributeValue> item : page.items()) {
                String pk = item.get("pk").s();
                cards.add(card(county, pk.substring(pk.indexOf('#') + 1), item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && cards.size() < limit);
        return cards;
    }

    /**
     * The county's residents whose phone has this index, with what a binding checks next; eventually
     * consistent (a GSI), which a binding that follows a registration by minutes can live with.
     */
    public List<PhoneMatch> byPhone(String county, byte[] phoneIndex) {
        QueryResponse page = client.query(b -> b.tableName(table).indexName(ResidentCardTable.BY_PHONE)
                .keyConditionExpression("#pk = :phone")
                .expressionAttributeNames(Map.of("#pk", BY_PHONE_PK))
                .expressionAttributeValues(Map.of(":phone", s(phoneKey(county, phoneIndex))))
                .limit(PHONE_MATCHES_MAX));
        List<PhoneMatch> matches = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            AttributeValue tail = item.get("idTailIndex");
            matches.add(new PhoneMatch(item.get(BY_PHONE_SK).s(), item.get("status").s(),
                    tail == null ? null : tail.b().asByteArray()));
        }
        return matches;
    }

    /** A resident holding a phone: who, whether active, and the keyed index of their ID number's tail. */
    public record PhoneMatch(String residentId, String status, byte[] idTailIndex) {
        public boolean isActive() {
            return ResidentCard.ACTIVE.equals(status);
        }
    }

    private static String phoneKey(String county, byte[] phoneIndex) {
        return county + "#" + java.util.Base64.getEncoder().encodeToString(phoneIndex);
    }

    private static ResidentCard card(String county, String residentId, Map<String, AttributeValue> item) {
        return new ResidentCard(county, residentId, item.get("name").s(),
                LocalDate.parse(item.get("birthDate").s()), set(item.get("categories")),
                text(item.get("disabilityLevel")), item.get("status").s(), item.get("streetCode").s(),
                item.get("addressLine").s(), text(item.get("phoneMasked")), set(item.get("familySubjects")));
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
