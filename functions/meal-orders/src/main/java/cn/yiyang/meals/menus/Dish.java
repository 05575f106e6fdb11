package cn.yiyang.meals.menus;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A dish on a day's menu; the price is whole fen. */
@RegisterForReflection
public record Dish(String code, String name, long priceFen) {
}
