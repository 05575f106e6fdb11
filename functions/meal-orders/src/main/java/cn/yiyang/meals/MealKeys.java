package cn.yiyang.meals;

import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * The meal table's key layout, in one place: every partition and sort key of every item the meal
 * function reads or writes is spelled here and nowhere else in the function. Items, by partition key:
 * <ul>
 *   <li>{@code P#<county>#<point>}: {@code POINT} (the point), {@code MENU#<date>},
 *       {@code SEATS#<date>#<slot>#<mode>} (guarded seat counter)</li>
 *   <li>{@code POLICY#<county>}: {@code V#<version>} (every version, immutable), {@code CURRENT}</li>
 *   <li>{@code O#<county>#<order>}: {@code ORDER}; index {@link MealTable#BY_RESIDENT} by resident and date,
 *       index {@link MealTable#BY_DAY} by point and day</li>
 *   <li>{@code C#<county>#<resident>}: {@code <date>#<slot>} (the one subsidised meal), {@code W#<week>},
 *       {@code M#<month>} (cap counters)</li>
 *   <li>{@code S#<county>#<date>}: {@code <point>}: served meals and subsidy per point and day</li>
 *   <li>{@code MD#<county>}: {@code <date>#<point>}: meals served, delivered and missed per point and day, the
 *       county's days in one partition so that a range of them is one Query</li>
 * </ul>
 * Three parts of the layout are read by fund-lines' settlement as well (the day's settlement figures,
 * the point's own item, for its name, and the point's orders of the day, for the meals behind the
 * figures): those are published by shared {@link MealSettlementFeed}, and this class takes them from
 * there rather than spelling them a second time.
 */
public final class MealKeys {

    public static final String POINT_SK = MealSettlementFeed.POINT_SK;
    public static final String POLICY_CURRENT_SK = "CURRENT";
    public static final String ORDER_SK = "ORDER";

    private MealKeys() {
    }

    public static String pointPk(String county, String pointId) {
        return MealSettlementFeed.pointPk(county, pointId);
    }

    public static String menuSk(LocalDate date) {
        return "MENU#" + date;
    }

    public static String seatsSk(LocalDate date, Slot slot, Mode mode) {
        return "SEATS#" + date + "#" + slot + "#" + mode;
    }

    /** The county's meal points, on index {@link MealTable#BY_RESIDENT}; each point's sort key is its id. */
    public static String pointsOfCountyPk(String county) {
        return "POINTS#" + county;
    }

    public static String policyPk(String county) {
        return "POLICY#" + county;
    }

    public static String policyVersionSk(int version) {
        return String.format("V#%010d", version);
    }

    public static String orderPk(String county, String orderId) {
        return "O#" + county + "#" + orderId;
    }

    /** A resident's orders, on index {@link MealTable#BY_RESIDENT}; sort keys start with the date, so a month is a prefix. */
    public static String ordersOfResidentPk(String county, String residentId) {
        return "R#" + county + "#" + residentId;
    }

    public static String ordersOfResidentSk(LocalDate date, Slot slot, String orderId) {
        return date + "#" + slot + "#" + orderId;
    }

    /** A point's orders of one day, on index {@link MealTable#BY_DAY}. */
    public static String ordersOfDayPk(String county, String pointId, LocalDate date) {
        return MealSettlementFeed.ordersOfDayPk(county, pointId, date);
    }

    public static String ordersOfDaySk(Slot slot, String orderId) {
        return slot + "#" + orderId;
    }

    /** The partition of a resident's subsidy claims and cap counters. */
    public static String claimsPk(String county, String residentId) {
        return "C#" + county + "#" + residentId;
    }

    /** The resident's one subsidised meal for a slot and day, across every point of the county. */
    public static String subsidyClaimSk(LocalDate date, Slot slot) {
        return date + "#" + slot;
    }

    /** Subsidised meals in the date's ISO week. */
    public static String weekCapSk(LocalDate date) {
        return "W#" + date.get(IsoFields.WEEK_BASED_YEAR) + "-" + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** Subsidised meals in the date's month. */
    public static String monthCapSk(LocalDate date) {
        return "M#" + date.toString().substring(0, 7);
    }

    /** The county's meals per point and day: one partition, sorted by date, so a range of days is one Query. */
    public static String mealDaysPk(String county) {
        return "MD#" + county;
    }

    public static String mealDaySk(LocalDate date, String pointId) {
        return date + "#" + pointId;
    }

    /** Just above every {@link #mealDaySk} of the date ({@code $} sorts after {@code #}). */
    public static String mealDaysAfter(LocalDate date) {
        return date + "$";
    }
}
