package cn.yiyang.meals;

import cn.yiyang.stores.settlements.MealsTable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Everything of the meal function lives in this one DynamoDB table, meal points, menus and
 * policy included: they are small, read on every order, and DynamoDB answers a GetItem in
 * single-digit milliseconds with no connection pool, so the lunchtime rush never waits on a
 * PostgreSQL connection. What lives under which key is {@link MealKeys}. The table's name and
 * indexes are declared in shared {@link MealsTable}, which fund-lines declares too.
 */
@ApplicationScoped
public class MealTable extends MealsTable {

    /**
     * Orders by resident: {@code gsi1pk} {@link MealKeys#ordersOfResidentPk}, {@code gsi1sk} {@link MealKeys#ordersOfResidentSk};
     * also the county's meal points: {@code gsi1pk} {@link MealKeys#pointsOfCountyPk}, {@code gsi1sk} the point's id.
     */
    public static final String BY_RESIDENT = MealsTable.BY_RESIDENT;
    /** Orders by point and day: {@code gsi2pk} {@link MealKeys#ordersOfDayPk}, {@code gsi2sk} {@link MealKeys#ordersOfDaySk}. */
    public static final String BY_DAY = MealsTable.BY_DAY;
}
