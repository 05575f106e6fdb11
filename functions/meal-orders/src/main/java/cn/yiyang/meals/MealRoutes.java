package cn.yiyang.meals;

import static cn.yiyang.kernel.route.Role.AUDITOR;
import static cn.yiyang.kernel.route.Role.CANTEEN;
import static cn.yiyang.kernel.route.Role.FAMILY;
import static cn.yiyang.kernel.route.Role.OFFICER;
import static cn.yiyang.kernel.route.Role.OPERATOR;
import static cn.yiyang.kernel.route.Role.RESIDENT;

import cn.yiyang.kernel.route.Route;
import java.util.List;

/** Every route of the meal-orders function, declared once. */
public final class MealRoutes {

    public static final String FUNCTION = "meal-orders";
    private static final Route.Builder IN = Route.in(FUNCTION);

    public static final Route CREATE_POINT = IN.post("/v1/meal-points", "createMealPoint", OFFICER);
    public static final Route LIST_POINTS = IN.get("/v1/meal-points", "listMealPoints", RESIDENT, FAMILY, OPERATOR, CANTEEN, OFFICER);
    public static final Route GET_POINT = IN.get("/v1/meal-points/{id}", "getMealPoint", RESIDENT, FAMILY, OPERATOR, CANTEEN, OFFICER);
    public static final Route PUT_MENU = IN.put("/v1/meal-points/{id}/menus/{date}", "publishMenu", CANTEEN, OFFICER);
    public static final Route GET_MENU = IN.get("/v1/meal-points/{id}/menus/{date}", "getMenu", RESIDENT, FAMILY, OPERATOR, CANTEEN, OFFICER);
    public static final Route KITCHEN_DAY = IN.get("/v1/meal-points/{id}/days/{date}", "getKitchenDay", CANTEEN, OFFICER);
    public static final Route PUBLISH_POLICY = IN.post("/v1/meal-policies", "publishMealPolicy", OFFICER);
    public static final Route CURRENT_POLICY = IN.get("/v1/meal-policies/current", "getMealPolicy", RESIDENT, FAMILY, OPERATOR, CANTEEN, OFFICER);
    public static final Route PLACE = IN.post("/v1/meal-orders", "placeMealOrder", RESIDENT, FAMILY, OPERATOR, CANTEEN);
    public static final Route LIST_ORDERS = IN.get("/v1/meal-orders", "listMealOrders", RESIDENT, FAMILY, OPERATOR, OFFICER);
    public static final Route GET_ORDER = IN.get("/v1/meal-orders/{id}", "getMealOrder", RESIDENT, FAMILY, OPERATOR, CANTEEN, OFFICER);
    public static final Route CANCEL = IN.post("/v1/meal-orders/{id}/cancel", "cancelMealOrder", RESIDENT, FAMILY, OPERATOR);
    public static final Route SERVE = IN.post("/v1/meal-orders/{id}/serve", "serveMealOrder", CANTEEN);
    public static final Route NO_SHOW = IN.post("/v1/meal-orders/{id}/no-show", "markMealNoShow", CANTEEN);
    public static final Route QUOTE = IN.get("/v1/meal-quotes", "quoteMealOrder", RESIDENT, FAMILY, OPERATOR, CANTEEN, OFFICER);
    public static final Route MEALS_SERVED = IN.get("/v1/meal-reports/served", "readMealsServed", OFFICER, AUDITOR);
    public static final Route SETTLEMENTS = IN.get("/v1/meal-settlements", "listMealSettlements", OFFICER);

    public static final List<Route> ALL = List.of(CREATE_POINT, LIST_POINTS, GET_POINT, PUT_MENU, GET_MENU, KITCHEN_DAY,
            PUBLISH_POLICY, CURRENT_POLICY, PLACE, LIST_ORDERS, GET_ORDER, CANCEL, SERVE, NO_SHOW, SETTLEMENTS, QUOTE,
            MEALS_SERVED);

    private MealRoutes() {
    }
}
