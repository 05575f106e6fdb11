package cn.yiyang.meals.orders;

import static cn.yiyang.meals.MealStore.document;
import static cn.yiyang.meals.MealStore.n;
import static cn.yiyang.meals.MealStore.s;

import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The DynamoDB items an order touches, and their guarding conditions: one place for the key layout. */
final class OrderItems {

    private OrderItems() {
    }

    static String claimPk(String county, String residentId) {
        return "C#" + county + "#" + residentId;
    }

    static String claimSk(LocalDate date, Slot slot) {
        return date + "#" + slot;
    }

    static String weekSk(LocalDate date) {
        return "W#" + date.get(IsoFields.WEEK_BASED_YEAR) + "-" + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    static String monthSk(LocalDate date) {
        return "M#" + date.toString().substring(0, 7);
    }

    /** Takes a seat only while fewer than {@code seats} are taken: capacity is never exceeded. */
    static TransactWriteItem takeSeat(String table, MealOrder o, int seats) {
        return update(table, MealPoint.pk(o.county(), o.mealPointId()), seatsSk(o.date(), o.slot(), o.mode()),
                "ADD placed :one", "attribute_not_exists(placed) OR placed < :seats",
                Map.of(":one", n(1), ":seats", n(seats)));
    }

    static TransactWriteItem freeSeat(String table, MealOrder o) {
        return update(table, MealPoint.pk(o.county(), o.mealPointId()), seatsSk(o.date(), o.slot(), o.mode()),
                "ADD placed :minus", "placed > :zero", Map.of(":minus", n(-1), ":zero", n(0)));
    }

    static String seatsSk(LocalDate date, Slot slot, Mode mode) {
        return "SEATS#" + date + "#" + slot + "#" + mode;
    }

    static TransactWriteItem putNew(String table, MealOrder o) {
        Map<String, AttributeValue> item = new HashMap<>(MealStore.key(MealOrder.pk(o.county(), o.id()), MealOrder.SK));
        item.put("data", document(o));
        item.put("status", s(o.status().name()));
        item.put("code", s(o.confirmationCode()));
        item.put("gsi1pk", s("R#" + o.county() + "#" + o.residentId()));
        item.put("gsi1sk", s(o.date() + "#" + o.slot() + "#" + o.id()));
        item.put("gsi2pk", s("D#" + o.county() + "#" + o.mealPointId() + "#" + o.date()));
        item.put("gsi2sk", s(o.slot() + "#" + o.id()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    /** Moves the order from the status it was read in, and only from that one. */
    static TransactWriteItem move(String table, MealOrder from, MealOrder to) {
        return update(table, MealOrder.pk(from.county(), from.id()), MealOrder.SK,
                "SET #data = :data, #status = :to", "#status = :from",
                Map.of(":data", document(to), ":to", s(to.status().name()), ":from", s(from.status().name())),
                Map.of("#data", "data", "#status", "status"));
    }

    /** The resident's one subsidised meal for this slot and day, across every point of the county. */
    static TransactWriteItem claimSubsidy(String table, MealOrder o) {
        Map<String, AttributeValue> item = new HashMap<>(MealStore.key(claimPk(o.county(), o.residentId()), claimSk(o.date(), o.slot())));
        item.put("orderId", s(o.id()));
        item.put("mealPointId", s(o.mealPointId()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    static TransactWriteItem releaseSubsidy(String table, MealOrder o) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(MealStore.key(claimPk(o.county(), o.residentId()), claimSk(o.date(), o.slot())))
                .conditionExpression("orderId = :order")
                .expressionAttributeValues(Map.of(":order", s(o.id())))).build();
    }

    static TransactWriteItem countAgainstCap(String table, MealOrder o, String sk, int cap) {
        return update(table, claimPk(o.county(), o.residentId()), sk, "ADD meals :one",
                "attribute_not_exists(meals) OR meals < :cap", Map.of(":one", n(1), ":cap", n(cap)));
    }

    static TransactWriteItem uncountFromCap(String table, MealOrder o, String sk) {
        return update(table, claimPk(o.county(), o.residentId()), sk, "ADD meals :minus", "meals > :zero",
                Map.of(":minus", n(-1), ":zero", n(0)));
    }

    /** What settlement pays from: served meals and their subsidy, per point and day (layout shared with fund-lines). */
    static TransactWriteItem settle(String table, MealOrder o, boolean served) {
        return served ? MealSettlementFeed.served(table, o.county(), o.mealPointId(), o.date(), o.subsidyFen(), o.payFen())
                : MealSettlementFeed.noShow(table, o.county(), o.mealPointId(), o.date());
    }

    private static TransactWriteItem update(String table, String pk, String sk, String expression, String condition,
                                            Map<String, AttributeValue> values) {
        return update(table, pk, sk, expression, condition, values, Map.of());
    }

    private static TransactWriteItem update(String table, String pk, String sk, String expression, String condition,
                                            Map<String, AttributeValue> values, Map<String, String> names) {
        Update.Builder update = Update.builder().tableName(table).key(MealStore.key(pk, sk))
                .updateExpression(expression).expressionAttributeValues(values);
        if (condition != null) {
            update.conditionExpression(condition);
        }
        if (!names.isEmpty()) {
            update.expressionAttributeNames(names);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }
}
