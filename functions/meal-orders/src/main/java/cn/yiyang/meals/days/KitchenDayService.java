package cn.yiyang.meals.days;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.meals.orders.MealAccess;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.meals.MealDates;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.MealTable;
import cn.yiyang.meals.orders.MealOrder;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.MealPointRequests.PointDay;
import cn.yiyang.meals.points.MealPointService;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.stores.settlements.MealSettlement;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** The canteen's day, built from the day's orders; and the per-day settlement figures. */
@ApplicationScoped
public class KitchenDayService {

    private final MealStore store;
    private final MealPointService points;
    private final MealSettlementFeed feed;

    public KitchenDayService(MealStore store, MealPointService points) {
        this.store = store;
        this.points = points;
        this.feed = new MealSettlementFeed(store.client(), store.table());
    }

    public Reply day(Caller caller, PointDay request) {
        MealAccess.checkPoint(caller, ObjectKind.KITCHEN_DAY, Action.READ, request.id());
        MealPoint point = points.find(caller.county(), request.id());
        LocalDate date = MealDates.date(request.date());
        List<MealOrder> orders = store.query(MealTable.BY_DAY, MealKeys.ordersOfDayPk(caller.county(), point.id(), date),
                null).stream().map(item -> MealStore.document(item, MealOrder.class)).toList();
        return Reply.ok(KitchenDayTally.of(point, date, orders));
    }

    public Reply settlements(Caller caller, DayRequests.Settlements request) {
        if (request.date() == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter 'date' is required");
        }
        LocalDate date = MealDates.date(request.date());
        List<MealSettlement> items = feed.day(caller.county(), date);
        return Reply.ok(new SettlementDay(date.toString(), items));
    }
}
