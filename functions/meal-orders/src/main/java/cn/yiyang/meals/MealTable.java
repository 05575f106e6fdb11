package cn.yiyang.meals;

import cn.yiyang.stores.settlements.MealsTable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Everything of the meal function lives in this one DynamoDB table, meal points, menus and
 * policy included: they are small, read on every order, and DynamoDB answers a GetItem in
 * single-digit milliseconds with no connection pool, so the lunchtime rush never waits on a
 * PostgreSQL connection. Items, by partition key:
 * <ul>
 *   <li>{@code P#<county>#<point>}: {@code POINT} (the point), {@code MENU#<date>}, {@code SEATS#<date>#<slot>#<mode>} (guarded counter)</li>
 *   <li>{@code POLICY#<county>}: {@code V#<version>} (every version, immutable), {@code CURRENT}</li>
 *   <li>{@code O#<county>#<order>}: {@code ORDER}; index {@code gsi1} by resident and date, index {@code gsi2} by point and day</li>
 *   <li>{@code C#<county>#<resident>}: {@code <date>#<slot>} (the one subsidised meal), {@code W#<week>}, {@code M#<month>} (cap counters)</li>
 *   <li>{@code S#<county>#<date>}: {@code <point>}: served meals and subsidy per point and day, what settlement pays from
 *       (the layout lives in shared {@code MealSettlementFeed}: fund-lines reads it directly)</li>
 * </ul>
 * The table's name and indexes are declared in shared {@link MealsTable}, which fund-lines declares too.
 */
@ApplicationScoped
public class MealTable extends MealsTable {

    /**
     * Orders by resident: {@code gsi1pk = R#<county>#<resident>}, {@code gsi1sk = <date>#<slot>#<order>};
     * also the county's meal points: {@code gsi1pk = POINTS#<county>}, {@code gsi1sk = <point>}.
     */
    public static final String BY_RESIDENT = MealsTable.BY_RESIDENT;
    /** Orders by point and day: {@code gsi2pk = D#<county>#<point>#<date>}, {@code gsi2sk = <slot>#<order>}. */
    public static final String BY_DAY = MealsTable.BY_DAY;
}
