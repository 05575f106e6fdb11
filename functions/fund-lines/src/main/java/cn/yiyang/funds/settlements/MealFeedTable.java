package cn.yiyang.funds.settlements;

import cn.yiyang.stores.settlements.MealsTable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The meal function's table, which fund-lines only reads (the stack grants it read-only). Declared
 * here so its physical name follows the deployment's prefix, and so local runs and tests create it
 * exactly as meal-orders does.
 */
@ApplicationScoped
public class MealFeedTable extends MealsTable {
}
