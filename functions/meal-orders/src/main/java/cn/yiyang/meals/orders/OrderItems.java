package cn.yiyang.meals.orders;

import static cn.yiyang.meals.MealStore.document;
import static cn.yiyang.meals.MealStore.n;
import static cn.yiyang.meals.MealStore.s;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.MealStore;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The DynamoDB items an order touches, each with its guarding condition and what a failed
 * condition means: a refusal the client sees (no seat left), or a race that reading again resolves
 * (a subsidy or a cap taken by another order at the same moment, an order moved meanwhile).
 */
final class OrderItems {

    private OrderItems() {
    }

    /** Takes a seat only while fewer than {@code seats} are taken: capacity is never exceeded. */
    static ConditionalWrite takeSeat(String table, MealOrder o, int seats) {
        return ConditionalWrite.refusing(update(table, seatsKey(o), "ADD placed :one",
                        "attribute_not_exists(placed) OR placed < :seats", Map.of(":one", n(1), ":seats", n(seats))),
                new ApiException(MealProblem.MEAL_SOLD_OUT, "No " + o.mode() + " seat left for this slot"));
    }

    /** Gives the seat back; fails only together with the move of an order someone else moved first. */
    static ConditionalWrite freeSeat(String table, MealOrder o) {
        return ConditionalWrite.recomputing(update(table, seatsKey(o), "ADD placed :minus", "placed > :zero",
                Map.of(":minus", n(-1), ":zero", n(0))));
    }

    /** A new order under a fresh random id: taken only by a collision, and computed again it gets another id. */
    static ConditionalWrite putNew(String table, MealOrder o) {
        Map<String, AttributeValue> item = new HashMap<>(MealStore.key(MealKeys.orderPk(o.county(), o.id()), MealKeys.ORDER_SK));
        item.put("data", document(o));
        item.put("status", s(o.status().name()));
        item.put("code", s(o.confirmationCode()));
        item.put("gsi1pk", s(MealKeys.ordersOfResidentPk(o.county(), o.residentId())));
        item.put("gsi1sk", s(MealKeys.ordersOfResidentSk(o.date(), o.slot(), o.id())));
        item.put("gsi2pk", s(MealKeys.ordersOfDayPk(o.county(), o.mealPointId(), o.date())));
        item.put("gsi2sk", s(MealKeys.ordersOfDaySk(o.slot(), o.id())));
        return ConditionalWrite.recomputing(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build());
    }

    /** Moves the order from the status it was read in, and only from that one; if it moved meanwhile, read it again. */
    static ConditionalWrite move(String table, MealOrder from, MealOrder to) {
        return ConditionalWrite.recomputing(update(table, MealStore.key(MealKeys.orderPk(from.county(), from.id()),
                        MealKeys.ORDER_SK), "SET #data = :data, #status = :to", "#status = :from",
                Map.of(":data", document(to), ":to", s(to.status().name()), ":from", s(from.status().name())),
                Map.of("#data", "data", "#status", "status")));
    }

    /**
     * The resident's one subsidised meal for this slot and day, across every point of the county.
     * Claimed by another order at the same moment: priced again, this one is at full price.
     */
    static ConditionalWrite claimSubsidy(String table, MealOrder o) {
        Map<String, AttributeValue> item = new HashMap<>(claimKey(o));
        item.put("orderId", s(o.id()));
        item.put("mealPointId", s(o.mealPointId()));
        return ConditionalWrite.recomputing(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build());
    }

    /** Releases this order's own claim; fails only together with the move of an order someone else moved first. */
    static ConditionalWrite releaseSubsidy(String table, MealOrder o) {
        return ConditionalWrite.recomputing(TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(claimKey(o))
                .conditionExpression("orderId = :order")
                .expressionAttributeValues(Map.of(":order", s(o.id())))).build());
    }

    /** Counts a subsidised meal against a cap; reached by another order at the same moment: priced again, at full price. */
    static ConditionalWrite countAgainstCap(String table, MealOrder o, String capSk, int cap) {
        return ConditionalWrite.recomputing(update(table, MealStore.key(MealKeys.claimsPk(o.county(), o.residentId()), capSk),
                "ADD meals :one", "attribute_not_exists(meals) OR meals < :cap", Map.of(":one", n(1), ":cap", n(cap))));
    }

    static ConditionalWrite uncountFromCap(String table, MealOrder o, String capSk) {
        return ConditionalWrite.recomputing(update(table, MealStore.key(MealKeys.claimsPk(o.county(), o.residentId()), capSk),
                "ADD meals :minus", "meals > :zero", Map.of(":minus", n(-1), ":zero", n(0))));
    }

    /** What settlement pays from: served meals and their subsidy, per point and day (layout shared with fund-lines). */
    static ConditionalWrite settle(String table, MealOrder o, boolean served) {
        return ConditionalWrite.unconditional(served
                ? MealSettlementFeed.served(table, o.county(), o.mealPointId(), o.date(), o.subsidyFen(), o.payFen())
                : MealSettlementFeed.noShow(table, o.county(), o.mealPointId(), o.date()));
    }

    /**
     * The meal's end counted for the officers' dashboard, per point and day ({@code served}, {@code delivered} or
     * {@code noShows}), in the move's own transaction: a retry replays the first answer and counts nothing more.
     */
    static ConditionalWrite countDay(String table, MealOrder o, OrderStatus end) {
        String counter = switch (end) {
            case SERVED -> "served";
            case DELIVERED -> "delivered";
            case NO_SHOW -> "noShows";
            default -> throw new IllegalArgumentException("a meal day counts only how a meal ended, not " + end);
        };
        return ConditionalWrite.unconditional(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(MealStore.key(MealKeys.mealDaysPk(o.county()), MealKeys.mealDaySk(o.date(), o.mealPointId())))
                .updateExpression("SET mealPointId = :point, #date = :date ADD " + counter + " :one")
                .expressionAttributeNames(Map.of("#date", "date"))
                .expressionAttributeValues(Map.of(":point", s(o.mealPointId()), ":date", s(o.date().toString()),
                        ":one", n(1))).build()).build());
    }

    private static Map<String, AttributeValue> seatsKey(MealOrder o) {
        return MealStore.key(MealKeys.pointPk(o.county(), o.mealPointId()), MealKeys.seatsSk(o.date(), o.slot(), o.mode()));
    }

    private static Map<String, AttributeValue> claimKey(MealOrder o) {
        return MealStore.key(MealKeys.claimsPk(o.county(), o.residentId()), MealKeys.subsidyClaimSk(o.date(), o.slot()));
    }

    private static TransactWriteItem update(String table, Map<String, AttributeValue> key, String expression,
                                            String condition, Map<String, AttributeValue> values) {
        return update(table, key, expression, condition, values, Map.of());
    }

    private static TransactWriteItem update(String table, Map<String, AttributeValue> key, String expression,
                                            String condition, Map<String, AttributeValue> values,
                                            Map<String, String> names) {
        Update.Builder update = Update.builder().tableName(table).key(key).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeValues(values);
        if (!names.isEmpty()) {
            update.expressionAttributeNames(names);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }
}
