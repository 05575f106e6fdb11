package cn.yiyang.meals.menus;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A dish on a day's menu; the price is whole fen. */
@RegisterForReflection
public record Dish(String code, @Text(maxChars = MenuRules.DISH_NAME_CHARS_MAX) String name, long priceFen) {
}
