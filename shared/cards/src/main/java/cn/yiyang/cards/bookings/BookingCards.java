package cn.yiyang.cards.bookings;

import cn.yiyang.stores.dynamo.DynamoTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The hand-off between service bookings (PostgreSQL) and the time bank (DynamoDB) when points pay
 * for a booking, without a transaction across the two stores. Each fact has one writer and only
 * moves one way, so retries and crashes can only repeat a write, never undo one:
 * <ul>
 *   <li>service-bookings publishes the card after a booking commits (and again on every replay of
 *       that answer): resident, service, provider; {@code redeemable} starts true;</li>
 *   <li>the time bank's redemption sets {@code paidByExchange} in the same DynamoDB transaction that
 *       closes the voucher, only if the card is redeemable, unpaid, and the resident's and service's;</li>
 *   <li>every later step of the booking (check-in, check-out, cancel, no-show) first sets
 *       {@code redeemable = false} inside its own PostgreSQL transaction and reads back, from that same
 *       atomic update, the exchange that paid, which the booking row then records (so no service
 *       subsidy is settled for it); a redemption racing the step either lands before it (and the
 *       step sees it) or is refused;</li>
 *   <li>service-bookings sets {@code cancelled} after a cancellation commits, and puts the card in the
 *       sparse {@code by-cancellation} index; only then does the time bank give the voucher's points
 *       back, once (the exchange's own status is the condition): its sweep takes the card out of the
 *       index in the refund's own transaction, or on its own once nothing is owed.</li>
 * </ul>
 * A card published for a booking whose transaction then failed names an id nobody was ever answered,
 * so no voucher can name it.
 */
@ApplicationScoped
public class BookingCards {

    /** Cancelled cards read per query of the index, at most. */
    public static final int CANCELLED_PAGE_ITEMS_MAX = 1_000;
    private static final String BY_CANCELLATION_PK = BookingCardTable.BY_CANCELLATION + "pk";
    private static final String BY_CANCELLATION_SK = BookingCardTable.BY_CANCELLATION + "sk";
    private static final Map<String, String> INDEX_NAMES = Map.of("#ipk", BY_CANCELLATION_PK, "#isk", BY_CANCELLATION_SK);

    private final DynamoDbClient client;
    private final String table;

    public BookingCards(DynamoDbClient client, DynamoTables tables, BookingCardTable cards) {
        this.client = client;
        this.table = tables.physicalName(cards);
    }

    public String table() {
        return table;
    }

    /** After the booking committed: its facts; redeemable unless a closing step got there first. */
    public void publish(String county, String bookingId, String residentId, String serviceCode, String providerId) {
        client.updateItem(b -> b.tableName(table).key(key(county, bookingId))
                .updateExpression("SET residentId = :r, serviceCode = :s, providerId = :p,"
                        + " redeemable = if_not_exists(redeemable, :true)")
                .expressionAttributeValues(Map.of(":r", s(residentId), ":s", s(serviceCode), ":p", s(providerId),
                        ":true", bool(true))));
    }

    /** Inside a later step's transaction: no voucher pays this booking from now on; the one that did, if any. */
    public Optional<String> closeForVouchers(String county, String bookingId) {
        Map<String, AttributeValue> after = client.updateItem(b -> b.tableName(table).key(key(county, bookingId))
                .updateExpression("SET redeemable = :false").expressionAttributeValues(Map.of(":false", bool(false)))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return Optional.ofNullable(after.get("paidByExchange")).map(AttributeValue::s);
    }

    /**
     * After the cancellation committed: the time bank may give a paying voucher's points back, and its
     * sweep finds the card in the {@code by-cancellation} index. Only the first marking indexes the card
     * (a replay of the cancellation's answer finds it cancelled and changes nothing, so a card the sweep
     * has settled never comes back to it).
     */
    public void markCancelled(String county, String bookingId) {
        try {
            client.updateItem(b -> b.tableName(table).key(key(county, bookingId))
                    .updateExpression("SET cancelled = :true, redeemable = :false, #ipk = :county, #isk = :booking")
                    .conditionExpression("attribute_not_exists(cancelled)")
                    .expressionAttributeNames(INDEX_NAMES)
                    .expressionAttributeValues(Map.of(":true", bool(true), ":false", bool(false), ":county", s(county),
                            ":booking", s(bookingId))));
        } catch (ConditionalCheckFailedException alreadyMarked) {
            // marked by the first answer; this is its replay
        }
    }

    /**
     * Cancelled cards of the county the time bank has not settled yet, at most {@code limit}: a query of
     * the sparse index, so eventually consistent (a card settled a moment ago may still be listed;
     * {@link #find} reads one as it is).
     */
    public List<String> cancelledUnsettled(String county, int limit) {
        if (limit < 1 || limit > CANCELLED_PAGE_ITEMS_MAX) {
            throw new IllegalArgumentException("limit 1.." + CANCELLED_PAGE_ITEMS_MAX);
        }
        return client.query(b -> b.tableName(table).indexName(BookingCardTable.BY_CANCELLATION)
                        .keyConditionExpression("#ipk = :county")
                        .expressionAttributeNames(Map.of("#ipk", BY_CANCELLATION_PK))
                        .expressionAttributeValues(Map.of(":county", s(county))).limit(limit))
                .items().stream().map(item -> item.get(BY_CANCELLATION_SK).s()).toList();
    }

    /**
     * For the time bank's refund transaction: the card leaves the index, if the exchange that paid it is
     * this one and its cancellation is marked.
     */
    public TransactWriteItem settleRefunded(String county, String bookingId, String exchangeId) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(county, bookingId))
                .updateExpression("REMOVE #ipk, #isk")
                .conditionExpression("cancelled = :true AND paidByExchange = :x")
                .expressionAttributeNames(INDEX_NAMES)
                .expressionAttributeValues(Map.of(":true", bool(true), ":x", s(exchangeId)))).build();
    }

    /** Nothing is owed for this cancelled card (no voucher paid it, or its points are back): out of the index. */
    public void settleOwingNothing(String county, String bookingId) {
        try {
            client.updateItem(b -> b.tableName(table).key(key(county, bookingId))
                    .updateExpression("REMOVE #ipk, #isk")
                    .conditionExpression("cancelled = :true")
                    .expressionAttributeNames(INDEX_NAMES)
                    .expressionAttributeValues(Map.of(":true", bool(true))));
        } catch (ConditionalCheckFailedException gone) {
            // no such card: nothing to take out
        }
    }

    public Optional<BookingCard> find(String county, String bookingId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(county, bookingId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BookingCard(county, bookingId, text(item, "residentId"), text(item, "serviceCode"),
                text(item, "providerId"), flag(item, "redeemable"), flag(item, "cancelled"), text(item, "paidByExchange")));
    }

    /**
     * For the time bank's redemption transaction: the exchange pays this booking, if the card is still
     * as the redemption read it (redeemable, unpaid, this resident's, this service).
     */
    public TransactWriteItem pay(String county, String bookingId, String exchangeId, String residentId, String serviceCode) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(county, bookingId))
                .updateExpression("SET paidByExchange = :x")
                .conditionExpression("redeemable = :true AND attribute_not_exists(paidByExchange)"
                        + " AND residentId = :r AND serviceCode = :s")
                .expressionAttributeValues(Map.of(":x", s(exchangeId), ":true", bool(true), ":r", s(residentId),
                        ":s", s(serviceCode)))).build();
    }

    private static Map<String, AttributeValue> key(String county, String bookingId) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(county + "#" + bookingId));
        key.put("sk", s("CARD"));
        return key;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }
}
