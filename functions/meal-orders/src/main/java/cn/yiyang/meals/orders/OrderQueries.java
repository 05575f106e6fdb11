package cn.yiyang.meals.orders;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.meals.MealDates;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.MealTable;
import cn.yiyang.cards.residents.ResidentCard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reading meal orders: one by id, or a resident's orders of a month; each only for who may act for the resident. */
@ApplicationScoped
public class OrderQueries {

    private final MealStore store;
    private final MealAccess access;

    public OrderQueries(MealStore store, MealAccess access) {
        this.store = store;
        this.access = access;
    }

    public Reply get(Caller caller, ById request) {
        return Reply.ok(find(caller, request.id(), Action.READ));
    }

    /** A resident's orders in one month, newest day last. */
    public Reply monthOfResident(Caller caller, OrderRequests.MonthOfResident request) {
        ResidentCard resident = access.residentFor(caller, required("residentId", request.residentId()), Action.READ, null);
        String month = MealDates.month(required("month", request.month()));
        List<MealOrder> orders = store.query(MealTable.BY_RESIDENT,
                        MealKeys.ordersOfResidentPk(caller.county(), resident.residentId()), month).stream()
                .map(item -> MealStore.document(item, MealOrder.class)).toList();
        return Reply.ok(new MealOrder.Page(orders));
    }

    /** The order in the caller's county that the caller may act for; anything else is the same 404. */
    MealOrder find(Caller caller, String id, Action action) {
        MealOrder order = store.get(MealKeys.orderPk(caller.county(), id), MealKeys.ORDER_SK)
                .map(item -> MealStore.document(item, MealOrder.class))
                .orElseThrow(() -> ApiException.notFound("Meal order"));
        access.checkOrder(caller, order, action);
        return order;
    }

    private static String required(String name, String value) {
        if (value == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter '" + name + "' is required");
        }
        return value;
    }
}
