package cn.yiyang.meals.orders;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.SlotRule;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving a placed order to its end: cancelled before the cut-off (its seat, subsidy claim and cap
 * counts given back), served or delivered on its day, or missed once the slot is over. Each move
 * is conditional on the status it was read in; an order moved meanwhile is read again, and the
 * status check then answers.
 */
@ApplicationScoped
public class OrderLifecycle {

    private final MealStore store;
    private final OrderQueries orders;
    private final MealCatalog catalog;
    private final Clock clock;

    public OrderLifecycle(MealStore store, OrderQueries orders, MealCatalog catalog, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.catalog = catalog;
        this.clock = clock;
    }

    public DynamoTransaction cancel(Caller caller, ById request) {
        MealOrder order = orders.find(caller, request.id(), Action.ACT);
        if (!order.status().canMoveTo(OrderStatus.CANCELLED)) {
            throw new ApiException(MealProblem.MEAL_ORDER_NOT_CANCELLABLE, "The order is " + order.status());
        }
        OrderRules.requireBeforeCutoff(order.date(), slotOf(order), CountyTime.localNow(clock));
        MealOrder cancelled = order.moved(OrderStatus.CANCELLED, CountyTime.now(clock), caller.subject());
        String table = store.table();
        // The move first: when the order was moved meanwhile, it is the item whose failure answers.
        List<ConditionalWrite> writes = new ArrayList<>();
        writes.add(OrderItems.move(table, order, cancelled));
        writes.add(OrderItems.freeSeat(table, order));
        if (order.subsidyFen() > 0) {
            writes.add(OrderItems.releaseSubsidy(table, order));
        }
        if (order.weeklyCapCounted()) {
            writes.add(OrderItems.uncountFromCap(table, order, MealKeys.weekCapSk(order.date())));
        }
        if (order.monthlyCapCounted()) {
            writes.add(OrderItems.uncountFromCap(table, order, MealKeys.monthCapSk(order.date())));
        }
        return new DynamoTransaction(writes, Reply.ok(cancelled));
    }

    public DynamoTransaction serve(Caller caller, ById request) {
        MealOrder order = orders.find(caller, request.id(), Action.ACT);
        OrderStatus next = order.mode() == Mode.DELIVERY ? OrderStatus.DELIVERED : OrderStatus.SERVED;
        if (!order.status().canMoveTo(next)) {
            throw new ApiException(MealProblem.MEAL_ORDER_NOT_SERVABLE, "The order is " + order.status());
        }
        OrderRules.requireServingDay(order.date(), CountyTime.today(clock));
        MealOrder served = order.moved(next, CountyTime.now(clock), caller.subject());
        return new DynamoTransaction(List.of(OrderItems.move(store.table(), order, served),
                OrderItems.settle(store.table(), order, true), OrderItems.countDay(store.table(), order, next)),
                Reply.ok(served));
    }

    public DynamoTransaction noShow(Caller caller, ById request) {
        MealOrder order = orders.find(caller, request.id(), Action.ACT);
        if (!order.status().canMoveTo(OrderStatus.NO_SHOW)) {
            throw new ApiException(MealProblem.MEAL_ORDER_NOT_SERVABLE, "The order is " + order.status());
        }
        OrderRules.requireSlotOver(order.date(), slotOf(order), CountyTime.localNow(clock));
        MealOrder missed = order.moved(OrderStatus.NO_SHOW, CountyTime.now(clock), caller.subject());
        return new DynamoTransaction(List.of(OrderItems.move(store.table(), order, missed),
                OrderItems.settle(store.table(), order, false),
                OrderItems.countDay(store.table(), order, OrderStatus.NO_SHOW)),
                Reply.ok(missed));
    }

    private SlotRule slotOf(MealOrder order) {
        return catalog.point(order.county(), order.mealPointId()).slots().get(order.slot());
    }
}
