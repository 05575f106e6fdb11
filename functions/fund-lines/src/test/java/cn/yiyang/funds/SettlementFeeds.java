package cn.yiyang.funds;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Real feed data in the real stores, written as the source functions write it: served meals through
 * the shared meal feed's own write (the item meal-orders' serve puts in its order transaction), and
 * bookings as rows of the bookings schema that service-bookings' own migrations created.
 */
final class SettlementFeeds {

    private final DynamoDbClient dynamo;
    private final String mealTable;

    SettlementFeeds(DynamoDbClient dynamo, String mealTable) {
        this.dynamo = dynamo;
        this.mealTable = mealTable;
    }

    /** A meal point as meal-orders stores it (the fields the feed reads: id, name, operator). */
    void mealPoint(String county, String point, String name, String operator) {
        dynamo.putItem(b -> b.tableName(mealTable).item(Map.of(
                "pk", DynamoStore.s(MealSettlementFeed.pointPk(county, point)),
                "sk", DynamoStore.s(MealSettlementFeed.POINT_SK),
                "data", DynamoStore.document(Map.of("id", point, "county", county, "name", name, "operatorName", operator)))));
    }

    /** One meal served at the point on the day, with its subsidy, to a resident of its own; answers the order's id. */
    String served(String county, String point, LocalDate date, long subsidyFen) {
        return served(county, point, date, subsidyFen, "resident-" + UUID.randomUUID());
    }

    /**
     * The order item and the day's counter in one transaction, as meal-orders' serve writes them (the order
     * keyed {@code O#<county>#<order>} / {@code ORDER}, with the fields the feed reads, on the by-day index).
     */
    String served(String county, String point, LocalDate date, long subsidyFen, String residentId) {
        String orderId = UUID.randomUUID().toString();
        dynamo.transactWriteItems(b -> b.transactItems(order(county, point, date, subsidyFen, residentId, orderId),
                MealSettlementFeed.served(mealTable, county, point, date, subsidyFen, 1_500 - subsidyFen)));
        return orderId;
    }

    /** Only the day's counter, with no order behind it: figures the orders no longer account for. */
    void servedWithoutOrder(String county, String point, LocalDate date, long subsidyFen) {
        dynamo.transactWriteItems(b -> b.transactItems(
                MealSettlementFeed.served(mealTable, county, point, date, subsidyFen, 1_500 - subsidyFen)));
    }

    private TransactWriteItem order(String county, String point, LocalDate date, long subsidyFen, String residentId,
                                    String orderId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", DynamoStore.s("O#" + county + "#" + orderId));
        item.put("sk", DynamoStore.s("ORDER"));
        item.put("status", DynamoStore.s("SERVED"));
        item.put("data", DynamoStore.document(Map.of("id", orderId, "county", county, "residentId", residentId,
                "mealPointId", point, "date", date.toString(), "subsidyFen", subsidyFen, "status", "SERVED")));
        item.put("gsi2pk", DynamoStore.s(MealSettlementFeed.ordersOfDayPk(county, point, date)));
        item.put("gsi2sk", DynamoStore.s("LUNCH#" + orderId));
        return TransactWriteItem.builder().put(p -> p.tableName(mealTable).item(item)).build();
    }

    void noShow(String county, String point, LocalDate date) {
        dynamo.transactWriteItems(b -> b.transactItems(MealSettlementFeed.noShow(mealTable, county, point, date)));
    }

    /** A provider of the county, as service-bookings registers it. */
    static String provider(String county, String name) {
        UUID id = UUID.randomUUID();
        execute("""
                insert into bookings.provider (id, county, name, streets, services, window_capacity, created_at)
                values (?1, ?2, ?3, '330105001', 'BATH,CLEAN', 4, ?4)""", id, county, name, OffsetDateTime.now());
        return id.toString();
    }

    /** A booking of the provider, started at noon on the given day, in the given state and with the given subsidy. */
    static String booking(String county, String provider, LocalDate day, String status, long subsidyFen) {
        return booking(county, provider, day, status, subsidyFen, "resident-" + UUID.randomUUID(), false);
    }

    /** The same, for a given resident, and flagged far too short (as service-bookings' check-out flags it) or not. */
    static String booking(String county, String provider, LocalDate day, String status, long subsidyFen, String residentId,
                          boolean flaggedShort) {
        UUID id = UUID.randomUUID();
        OffsetDateTime startsAt = day.atTime(12, 0).atZone(CountyTime.ZONE).toOffsetDateTime();
        long priceFen = Math.max(subsidyFen, 4_000);
        execute("""
                insert into bookings.booking (id, county, resident_id, service_code, provider_id, starts_at, duration_minutes,
                  window_start, address, price_fen, subsidy_fen, pay_fen, emergency, status, channel, booked_by,
                  confirmation_code, created_at, updated_at, version, flagged_short)
                values (?1, ?2, ?3, 'BATH', ?4, ?5, 60, ?5, '文三路 100 号', ?6, ?7, ?8, false, ?9, 'MINI_PROGRAM', 'resident-1',
                  'ABC234', ?5, ?5, 1, ?10)""",
                id, county, residentId, UUID.fromString(provider), startsAt, priceFen,
                subsidyFen, priceFen - subsidyFen, status, flaggedShort);
        return id.toString();
    }

    private static void execute(String sql, Object... params) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> {
                var q = s.createNativeQuery(sql);
                for (int i = 0; i < params.length; i++) {
                    q.setParameter(i + 1, params[i]);
                }
                return q.executeUpdate();
            })));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
