package cn.yiyang.meals.menus;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.meals.MealProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a menu must be: 1 to 30 dishes with unique codes, names and prices in range, for a date not too far off. */
public final class MenuRules {

    public static final int DISHES_MAX = 30;
    public static final int DAYS_AHEAD_MAX = 31;
    public static final long PRICE_FEN_MAX = 100_000;
    public static final int DISH_NAME_CHARS_MAX = 30;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,8}");

    private MenuRules() {
    }

    /** Menus are published for today up to {@link #DAYS_AHEAD_MAX} days ahead, never for a day gone by. */
    public static void checkDate(LocalDate date, LocalDate today) {
        if (date.isBefore(today) || date.isAfter(today.plusDays(DAYS_AHEAD_MAX))) {
            throw new ApiException(MealProblem.MEAL_DATE_OUT_OF_RANGE, "Menus are published for today up to "
                    + DAYS_AHEAD_MAX + " days ahead");
        }
    }

    public static void checkDishes(List<Dish> dishes) {
        if (dishes == null || dishes.isEmpty() || dishes.size() > DISHES_MAX) {
            throw ApiException.invalid("dishes", "BAD_COUNT", "1 to " + DISHES_MAX + " dishes");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < dishes.size(); i++) {
            Dish dish = dishes.get(i);
            String field = "dishes[" + i + "]";
            if (dish == null || dish.code() == null || !CODE.matcher(dish.code()).matches() || !codes.add(dish.code())) {
                errors.add(new FieldError(field + ".code", "BAD_CODE", "1 to 8 of A-Z 0-9, unique on the menu"));
            }
            if (dish == null || dish.name() == null || dish.name().isBlank()
                    || FreeText.length(dish.name()) > DISH_NAME_CHARS_MAX) {
                errors.add(new FieldError(field + ".name", "BAD_NAME", "1 to " + DISH_NAME_CHARS_MAX + " characters"));
            }
            if (dish == null || dish.priceFen() < 1 || dish.priceFen() > PRICE_FEN_MAX) {
                errors.add(new FieldError(field + ".priceFen", "BAD_PRICE", "1 to " + PRICE_FEN_MAX + " fen"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
