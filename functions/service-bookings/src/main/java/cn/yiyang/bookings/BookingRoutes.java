package cn.yiyang.bookings;

import static cn.yiyang.kernel.route.Role.AUDITOR;
import static cn.yiyang.kernel.route.Role.CAREGIVER;
import static cn.yiyang.kernel.route.Role.FAMILY;
import static cn.yiyang.kernel.route.Role.OFFICER;
import static cn.yiyang.kernel.route.Role.OPERATOR;
import static cn.yiyang.kernel.route.Role.PROVIDER;
import static cn.yiyang.kernel.route.Role.RESIDENT;

import cn.yiyang.kernel.route.Job;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.stores.pg.IdempotencyPurge;
import java.util.List;

/** Every route of the service-bookings function, declared once. */
public final class BookingRoutes {

    public static final String FUNCTION = "service-bookings";
    private static final Route.Builder IN = Route.in(FUNCTION);

    public static final Route INSTALL_SERVICES = IN.post("/v1/services/defaults", "installDefaultServices", OFFICER);
    public static final Route LIST_SERVICES = IN.get("/v1/services", "listServices", RESIDENT, FAMILY, OPERATOR, PROVIDER, CAREGIVER, OFFICER);
    public static final Route GET_SETTINGS = IN.get("/v1/booking-settings", "getBookingSettings", OPERATOR, PROVIDER, OFFICER);
    public static final Route PUT_SETTINGS = IN.put("/v1/booking-settings", "putBookingSettings", OFFICER);
    public static final Route CREATE_PROVIDER = IN.post("/v1/providers", "createProvider", OFFICER);
    public static final Route ADD_CAREGIVER = IN.post("/v1/providers/{id}/caregivers", "addCaregiver", OFFICER, PROVIDER);
    public static final Route PROVIDER_DAY = IN.get("/v1/providers/{id}/days/{date}", "getProviderDay", PROVIDER, OFFICER);
    public static final Route LIST_CAREGIVERS = IN.get("/v1/providers/{id}/caregivers", "listCaregivers", PROVIDER, OFFICER);
    public static final Route PROVIDER_BOOKINGS = IN.get("/v1/providers/{id}/bookings", "listProviderOpenBookings", PROVIDER, OFFICER);
    public static final Route CAREGIVER_DAY = IN.get("/v1/caregivers/{id}/days/{date}", "getCaregiverDay", CAREGIVER, PROVIDER, OFFICER);
    public static final Route BOOK = IN.post("/v1/bookings", "bookService", RESIDENT, FAMILY, OPERATOR, OFFICER);
    public static final Route TIMES = IN.get("/v1/booking-times", "listBookingTimes", RESIDENT, FAMILY, OPERATOR, OFFICER);
    public static final Route LIST = IN.get("/v1/bookings", "listBookings", RESIDENT, FAMILY, OPERATOR, OFFICER);
    public static final Route OVERDUE = IN.get("/v1/bookings/overdue", "listOverdueEmergencies", OPERATOR, OFFICER);
    public static final Route FLAGGED = IN.get("/v1/bookings/flagged", "listFlaggedVisits", OFFICER);
    public static final Route GET = IN.get("/v1/bookings/{id}", "getBooking", RESIDENT, FAMILY, OPERATOR, PROVIDER, CAREGIVER, OFFICER);
    public static final Route ASSIGN = IN.post("/v1/bookings/{id}/assign", "assignCaregiver", PROVIDER);
    public static final Route CHECK_IN = IN.post("/v1/bookings/{id}/check-in", "checkIn", CAREGIVER);
    public static final Route CHECK_OUT = IN.post("/v1/bookings/{id}/check-out", "checkOut", CAREGIVER);
    public static final Route RATE = IN.post("/v1/bookings/{id}/rate", "rateVisit", RESIDENT, FAMILY);
    public static final Route CANCEL = IN.post("/v1/bookings/{id}/cancel", "cancelBooking", RESIDENT, FAMILY, OPERATOR);
    public static final Route NO_SHOW = IN.post("/v1/bookings/{id}/no-show", "markBookingNoShow", PROVIDER, CAREGIVER);
    public static final Route REPORT_BY_SERVICE = IN.get("/v1/booking-reports/services", "reportBookingsByService", OFFICER, AUDITOR);
    public static final Route REPORT_EMERGENCY = IN.get("/v1/booking-reports/emergency-response", "reportEmergencyResponse",
            OFFICER, AUDITOR);
    public static final Route SETTLEMENTS = IN.get("/v1/booking-settlements", "listBookingSettlements", OFFICER);

    public static final List<Route> ALL = List.of(INSTALL_SERVICES, LIST_SERVICES, GET_SETTINGS, PUT_SETTINGS,
            CREATE_PROVIDER, ADD_CAREGIVER, LIST_CAREGIVERS, PROVIDER_BOOKINGS, PROVIDER_DAY, CAREGIVER_DAY, BOOK, TIMES, LIST, OVERDUE,
            FLAGGED, GET, ASSIGN, CHECK_IN, CHECK_OUT, RATE, CANCEL, NO_SHOW, REPORT_BY_SERVICE, REPORT_EMERGENCY, SETTLEMENTS);

    /** Jobs run on a schedule, declared like the routes. */
    public static final Job PURGE_IDEMPOTENCY = IdempotencyPurge.declare(FUNCTION);
    public static final List<Job> JOBS = List.of(PURGE_IDEMPOTENCY);

    private BookingRoutes() {
    }
}
