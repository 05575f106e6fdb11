package cn.yiyang.cards.bookings;

import cn.yiyang.stores.dynamo.DynamoTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
 *   <li>service-bookings sets {@code cancelled} after a cancellation commits; only then does the time
 *       bank give the voucher's points back, once (the exchange's own status is the condition).</li>
 * </ul>
 * A card published for a booking whose transaction then failed names an id nobody was ever answered,
 * so no voucher can name it.
 */
@ApplicationScoped
public class BookingCards {

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

    /** After the cancellation committed: the time bank may give a paying voucher's points back. */
    public void markCancelled(String county, String bookingId) {
        client.updateItem(b -> b.tableName(table).key(key(county, bookingId))
                .updateExpression("SET cancelled = :true, redeemable = :false")
                .expressionAttributeValues(Map.of(":true", bool(true), ":false", bool(false))));
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
