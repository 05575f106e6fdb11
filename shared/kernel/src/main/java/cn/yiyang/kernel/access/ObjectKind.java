package cn.yiyang.kernel.access;

/** The kinds of object the rule table speaks of, in the README's order. */
public enum ObjectKind {
    RESIDENT("residents"),
    MEAL_ORDER("meal orders"),
    MEAL_POINT("meal points and menus"),
    KITCHEN_DAY("kitchen days"),
    BOOKING("bookings"),
    VISIT("visits (check-in/out, no-show, days)"),
    CAREGIVER("caregivers"),
    SERVICE_RECORD("service records"),
    ACCOUNT("time-bank accounts"),
    EXCHANGE("exchanges and vouchers"),
    TRANSFER("transfers"),
    BATCH("batches"),
    BED("beds"),
    CARE_HOME_CAREGIVER("care-home caregivers and their bed assignments (岗位津贴)"),
    REPORT("reports, settlements, audit"),
    USAGE("usage");

    private final String readme;

    ObjectKind(String readme) {
        this.readme = readme;
    }

    public String readme() {
        return readme;
    }
}
