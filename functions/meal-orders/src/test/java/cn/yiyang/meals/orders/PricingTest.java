package cn.yiyang.meals.orders;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.meals.Outcome;
import cn.yiyang.meals.menus.Dish;
import cn.yiyang.meals.menus.Menu;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An order is priced from the day's menu in whole fen, line by line. */
class PricingTest {

    private static final Menu MENU = new Menu("p1", LocalDate.of(2026, 3, 9), List.of(
            new Dish("A1", "红烧鱼套餐", 1200), new Dish("B2", "素菜套餐", 800), new Dish("C3", "小米粥", 150)));

    @Test
    void eachLine_isTheMenusPriceTimesTheQuantity_andThePriceIsTheirSum() {
        List<MealOrder.Line> lines = Pricing.lines(List.of(new OrderRequests.Item("A1", 2), new OrderRequests.Item("C3", 3),
                new OrderRequests.Item("B2", 1)), MENU);

        assertThat(lines).containsExactly(
                new MealOrder.Line("A1", "红烧鱼套餐", 2, 1200, 2400),
                new MealOrder.Line("C3", "小米粥", 3, 150, 450),
                new MealOrder.Line("B2", "素菜套餐", 1, 800, 800));
        assertThat(Pricing.priceFen(lines)).isEqualTo(3650);
    }

    @Test
    void theSameDishTwice_isTwoLines_pricedAlike() {
        List<MealOrder.Line> lines = Pricing.lines(List.of(new OrderRequests.Item("B2", 1), new OrderRequests.Item("B2", 4)),
                MENU);

        assertThat(Pricing.priceFen(lines)).isEqualTo(5 * 800);
    }

    @Test
    void dishesNotOnTheMenu_areRefusedTogether_namingEachItem() {
        Outcome outcome = Outcome.of(() -> Pricing.lines(List.of(new OrderRequests.Item("Z9", 1),
                new OrderRequests.Item("A1", 1), new OrderRequests.Item("a1", 1)), MENU));

        assertThat(outcome).isEqualTo(Outcome.refused("MEAL_DISH_NOT_ON_MENU",
                "items[0].dishCode:NOT_ON_MENU", "items[2].dishCode:NOT_ON_MENU"));
    }
}
