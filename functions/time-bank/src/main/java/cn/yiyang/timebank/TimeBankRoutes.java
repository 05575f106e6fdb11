package cn.yiyang.timebank;

import static cn.yiyang.kernel.route.Role.FAMILY;
import static cn.yiyang.kernel.route.Role.OFFICER;
import static cn.yiyang.kernel.route.Role.RESIDENT;
import static cn.yiyang.kernel.route.Role.VOLUNTEER;

import cn.yiyang.kernel.route.Route;
import java.util.List;

/** Every route of the time-bank function, declared once. */
public final class TimeBankRoutes {

    public static final String FUNCTION = "time-bank";
    private static final Route.Builder IN = Route.in(FUNCTION);

    public static final Route REGISTER = IN.post("/v1/time-bank/volunteers", "registerVolunteer", VOLUNTEER);
    public static final Route ACCOUNT = IN.get("/v1/time-bank/accounts/{id}", "getTimeBankAccount", VOLUNTEER, OFFICER);
    public static final Route LOG = IN.post("/v1/time-bank/service-records", "logServiceRecord", VOLUNTEER);
    public static final Route CONFIRM = IN.post("/v1/time-bank/service-records/{id}/confirm", "confirmServiceRecord", RESIDENT, FAMILY, OFFICER);
    public static final Route REJECT = IN.post("/v1/time-bank/service-records/{id}/reject", "rejectServiceRecord", RESIDENT, FAMILY, OFFICER);
    public static final Route ADD_ITEM = IN.post("/v1/time-bank/items", "addExchangeItem", OFFICER);
    public static final Route LIST_ITEMS = IN.get("/v1/time-bank/items", "listExchangeItems", VOLUNTEER, RESIDENT, FAMILY, OFFICER);
    public static final Route EXCHANGE = IN.post("/v1/time-bank/exchanges", "exchangePoints", VOLUNTEER);

    public static final List<Route> ALL = List.of(REGISTER, ACCOUNT, LOG, CONFIRM, REJECT, ADD_ITEM, LIST_ITEMS, EXCHANGE);

    private TimeBankRoutes() {
    }
}
