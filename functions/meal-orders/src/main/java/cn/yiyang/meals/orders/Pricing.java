package cn.yiyang.meals.orders;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.menus.Dish;
import cn.yiyang.meals.menus.Menu;
import java.util.ArrayList;
import java.util.List;

/** An order's lines priced from the day's menu, in whole fen; the client never names a price. */
public final class Pricing {

    private Pricing() {
    }

    /** One line per item, at the menu's price; every item not on the menu is named in one 422. */
    public static List<MealOrder.Line> lines(List<OrderRequests.Item> items, Menu menu) {
        List<MealOrder.Line> lines = new ArrayList<>();
        List<FieldError> missing = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            OrderRequests.Item item = items.get(i);
            Dish dish = menu.dish(item.dishCode()).orElse(null);
            if (dish == null) {
                missing.add(new FieldError("items[" + i + "].dishCode", "NOT_ON_MENU", "Not on the menu of " + menu.date()));
            } else {
                lines.add(new MealOrder.Line(dish.code(), dish.name(), item.quantity(), dish.priceFen(),
                        Math.multiplyExact(dish.priceFen(), item.quantity())));
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(MealProblem.MEAL_DISH_NOT_ON_MENU, "Some dishes are not on that day's menu", missing);
        }
        return lines;
    }

    public static long priceFen(List<MealOrder.Line> lines) {
        return lines.stream().mapToLong(MealOrder.Line::amountFen).reduce(0, Math::addExact);
    }
}
