package cn.yiyang.stores.settlements;

import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.stores.dynamo.DynamoStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The meal settlement feed, in one place: how meal-orders records a served meal or a no-show
 * (one counter item per point and day, {@code S#<county>#<date>} / {@code <point>}, updated in the
 * order's own transaction), and how it is read back, by meal-orders' {@code GET /v1/meal-settlements}
 * and by fund-lines' settlement, which reads the table directly with a read-only grant. Serving is
 * only possible on the order's own day, so once the day is over its figures no longer change.
 */
public class MealSettlementFeed extends DynamoStore {

    /** A county's meal points on one day: far fewer than one query page. */
    public static final int POINTS_PER_DAY_MAX = DynamoStore.QUERY_ITEMS_MAX;
    public static final String POINT_SK = "POINT";
    /** A point's orders of one day (both slots, both modes): far fewer than one query page. */
    public static final int ORDERS_PER_POINT_DAY_MAX = DynamoStore.QUERY_ITEMS_MAX;
    /** The meal function's index of orders by point and day ({@code gsi2pk} {@link #ordersOfDayPk}). */
    public static final String BY_DAY = MealsTable.BY_DAY;

    /** The order statuses a settlement pays for (meal-orders' SERVED at the counter, DELIVERED to the door). */
    private static final Set<String> SERVED_STATUSES = Set.of("SERVED", "DELIVERED");

    public MealSettlementFeed(DynamoDbClient client, String physicalTable) {
        super(client, physicalTable);
    }

    /** {@code meal:<county>:<point>:<date>}: the (point, day) pair a settlement pays once. */
    public static String key(String county, String mealPointId, LocalDate date) {
        return "meal:" + county + ":" + mealPointId + ":" + date;
    }

    public static String dayPk(String county, LocalDate date) {
        return "S#" + county + "#" + date;
    }

    /** The meal point's own item ({@code POINT}) lives under this partition key. */
    public static String pointPk(String county, String mealPointId) {
        return "P#" + county + "#" + mealPointId;
    }

    /** A point's orders of one day, on index {@link #BY_DAY}. */
    public static String ordersOfDayPk(String county, String mealPointId, LocalDate date) {
        return "D#" + county + "#" + mealPointId + "#" + date;
    }

    /** A served (or delivered) meal, counted in the order's own transaction. */
    public static TransactWriteItem served(String table, String county, String mealPointId, LocalDate date, long subsidyFen,
                                           long payFen) {
        return add(table, county, mealPointId, date,
                "ADD servedMeals :one, subsidisedMeals :subsidised, subsidyFen :subsidy, payFen :pay",
                Map.of(":one", n(1), ":subsidised", n(subsidyFen > 0 ? 1 : 0), ":subsidy", n(subsidyFen), ":pay", n(payFen)));
    }

    public static TransactWriteItem noShow(String table, String county, String mealPointId, LocalDate date) {
        return add(table, county, mealPointId, date, "ADD noShows :one", Map.of(":one", n(1)));
    }

    /** Every meal point of the county with a figure for the day, in point order, with the point's name and operator. */
    public List<MealSettlement> day(String county, LocalDate date) {
        return query(null, dayPk(county, date), null, POINTS_PER_DAY_MAX, true).stream().map(item -> {
            String point = item.get("sk").s();
            Optional<JsonNode> described = get(pointPk(county, point), POINT_SK).map(MealSettlementFeed::data);
            return new MealSettlement(key(county, point, date), point,
                    described.map(d -> d.path("name").asText(null)).orElse(null),
                    described.map(d -> d.path("operatorName").asText(null)).orElse(null), date,
                    number(item, "servedMeals"), number(item, "subsidisedMeals"), number(item, "subsidyFen"),
                    number(item, "payFen"), number(item, "noShows"));
        }).toList();
    }

    /**
     * The point's served or delivered orders of the day that carried a subsidy, in order id order: the
     * meals behind the day's {@code subsidyFen}, which they add up to once the day is over.
     */
    public List<ServedMeal> servedMeals(String county, String mealPointId, LocalDate date) {
        return query(BY_DAY, ordersOfDayPk(county, mealPointId, date), null, ORDERS_PER_POINT_DAY_MAX, true).stream()
                .filter(item -> SERVED_STATUSES.contains(item.get("status").s()))
                .map(MealSettlementFeed::data)
                .map(order -> new ServedMeal(order.path("id").asText(), order.path("residentId").asText(), date,
                        order.path("subsidyFen").asLong()))
                .filter(meal -> meal.subsidyFen() > 0)
                .sorted(Comparator.comparing(ServedMeal::orderId))
                .toList();
    }

    private static JsonNode data(Map<String, AttributeValue> item) {
        try {
            return StrictJson.mapper().readTree(item.get("data").s());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored meal point is unreadable", e);
        }
    }

    private static TransactWriteItem add(String table, String county, String mealPointId, LocalDate date, String expression,
                                         Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(dayPk(county, date), mealPointId))
                .updateExpression(expression).expressionAttributeValues(values).build()).build();
    }
}
