package cn.yiyang.meals;

import cn.yiyang.kernel.problem.ProblemCode;

/** The meal function's refusals, each with a plain-Chinese message in messages/problems-meals.properties. */
public enum MealProblem implements ProblemCode {
    MEAL_CUTOFF_PASSED(409),
    MEAL_SOLD_OUT(409),
    MEAL_POINT_CLOSED(409),
    MEAL_SLOT_NOT_SERVED(409),
    MEAL_MENU_NOT_PUBLISHED(409),
    MEAL_DISH_NOT_ON_MENU(422),
    MEAL_DATE_OUT_OF_RANGE(422),
    MEAL_ORDER_NOT_CANCELLABLE(409),
    MEAL_ORDER_NOT_SERVABLE(409),
    MEAL_NOT_SERVING_DAY(409),
    MEAL_SLOT_NOT_OVER(409);

    private final int httpStatus;

    MealProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String messages() {
        return "messages/problems-meals.properties";
    }
}
