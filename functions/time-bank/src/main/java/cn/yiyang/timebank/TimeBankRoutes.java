package cn.yiyang.timebank;

import static cn.yiyang.kernel.route.Role.AUDITOR;
import static cn.yiyang.kernel.route.Role.FAMILY;
import static cn.yiyang.kernel.route.Role.OFFICER;
import static cn.yiyang.kernel.route.Role.OPERATOR;
import static cn.yiyang.kernel.route.Role.PROVIDER;
import static cn.yiyang.kernel.route.Role.RESIDENT;
import static cn.yiyang.kernel.route.Role.VOLUNTEER;

import cn.yiyang.kernel.route.Job;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.timebank.exchanges.CancelledBookingRefunds;
import cn.yiyang.timebank.records.RecordExpiry;
import java.util.List;

/** Every route and job of the time-bank function, declared once. */
public final class TimeBankRoutes {

    public static final String FUNCTION = "time-bank";
    private static final Route.Builder IN = Route.in(FUNCTION);

    public static final Route REGISTER = IN.post("/v1/time-bank/volunteers", "openTimeBankAccount", VOLUNTEER);
    public static final Route ACCOUNT = IN.get("/v1/time-bank/accounts/{id}", "getTimeBankAccount",
            VOLUNTEER, RESIDENT, FAMILY, OPERATOR, OFFICER);
    public static final Route GET_SETTINGS = IN.get("/v1/time-bank/settings", "getTimeBankSettings",
            VOLUNTEER, RESIDENT, FAMILY, OPERATOR, OFFICER);
    public static final Route PUT_SETTINGS = IN.put("/v1/time-bank/settings", "putTimeBankSettings", OFFICER);

    public static final Route LOG = IN.post("/v1/time-bank/service-records", "logServiceRecord", VOLUNTEER);
    public static final Route GET_RECORD = IN.get("/v1/time-bank/service-records/{id}", "getServiceRecord",
            VOLUNTEER, RESIDENT, FAMILY, OFFICER);
    public static final Route CONFIRM = IN.post("/v1/time-bank/service-records/{id}/confirm", "confirmServiceRecord", RESIDENT, FAMILY, OFFICER);
    public static final Route REJECT = IN.post("/v1/time-bank/service-records/{id}/reject", "rejectServiceRecord", RESIDENT, FAMILY, OFFICER);

    public static final Route ADD_ITEM = IN.post("/v1/time-bank/items", "addExchangeItem", OFFICER);
    public static final Route LIST_ITEMS = IN.get("/v1/time-bank/items", "listExchangeItems", VOLUNTEER, RESIDENT, FAMILY, OPERATOR, OFFICER);
    public static final Route EXCHANGE = IN.post("/v1/time-bank/exchanges", "exchangePoints", VOLUNTEER, RESIDENT, FAMILY, OPERATOR);
    public static final Route OPEN_EXCHANGES = IN.get("/v1/time-bank/exchanges", "listOpenExchanges", OPERATOR, PROVIDER, OFFICER);
    public static final Route GET_EXCHANGE = IN.get("/v1/time-bank/exchanges/{id}", "getExchange",
            VOLUNTEER, RESIDENT, FAMILY, OPERATOR, PROVIDER, OFFICER);
    public static final Route CANCEL_EXCHANGE = IN.post("/v1/time-bank/exchanges/{id}/cancel", "cancelExchange",
            VOLUNTEER, RESIDENT, FAMILY, OPERATOR, OFFICER);
    public static final Route REDEEM_EXCHANGE = IN.post("/v1/time-bank/exchanges/{id}/redeem", "redeemExchange",
            OPERATOR, PROVIDER, OFFICER);

    public static final Route GIFT = IN.post("/v1/time-bank/gifts", "giftPoints", VOLUNTEER);
    public static final Route DONATE = IN.post("/v1/time-bank/donations", "donatePoints", VOLUNTEER, RESIDENT);
    public static final Route GRANT = IN.post("/v1/time-bank/grants", "grantPoints", OFFICER);
    public static final Route POOL = IN.get("/v1/time-bank/pool", "getDonationPool", OFFICER, AUDITOR);
    public static final Route POINTS_PER_DAY = IN.get("/v1/time-bank/reports/points", "readTimeBankPointsPerDay",
            OFFICER, AUDITOR);

    public static final List<Route> ALL = List.of(REGISTER, ACCOUNT, GET_SETTINGS, PUT_SETTINGS, LOG, GET_RECORD, CONFIRM,
            REJECT, ADD_ITEM, LIST_ITEMS, EXCHANGE, OPEN_EXCHANGES, GET_EXCHANGE, CANCEL_EXCHANGE, REDEEM_EXCHANGE, GIFT,
            DONATE, GRANT, POOL, POINTS_PER_DAY);

    public static final Job EXPIRE_RECORDS = RecordExpiry.declare(FUNCTION);
    public static final Job REFUND_CANCELLED_BOOKINGS = CancelledBookingRefunds.declare(FUNCTION);
    public static final List<Job> JOBS = List.of(EXPIRE_RECORDS, REFUND_CANCELLED_BOOKINGS);

    private TimeBankRoutes() {
    }
}
