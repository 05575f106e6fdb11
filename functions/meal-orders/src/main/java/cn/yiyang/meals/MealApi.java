package cn.yiyang.meals;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.resident.ResidentStatusProblem;
import cn.yiyang.meals.days.DayRequests;
import cn.yiyang.meals.days.KitchenDay;
import cn.yiyang.meals.days.SettlementDay;
import cn.yiyang.meals.days.KitchenDayService;
import cn.yiyang.meals.menus.Menu;
import cn.yiyang.meals.menus.MenuDay;
import cn.yiyang.meals.menus.MenuRequests;
import cn.yiyang.meals.menus.MenuService;
import cn.yiyang.meals.orders.MealOrder;
import cn.yiyang.meals.orders.MealQuote;
import cn.yiyang.meals.orders.MealQuotes;
import cn.yiyang.meals.orders.OrderLifecycle;
import cn.yiyang.meals.orders.OrderPlacement;
import cn.yiyang.meals.orders.OrderQueries;
import cn.yiyang.meals.orders.OrderRequests;
import cn.yiyang.meals.orders.OrderStepTimes;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.MealPointRequests;
import cn.yiyang.meals.points.MealPointService;
import cn.yiyang.meals.policy.PolicyRequests;
import cn.yiyang.meals.policy.PolicyService;
import cn.yiyang.meals.policy.SubsidyPolicy;
import cn.yiyang.meals.reports.MealReports;
import cn.yiyang.meals.reports.MealsServed;
import cn.yiyang.meals.reports.ReportRequests;
import cn.yiyang.stores.dynamo.DynamoOperations;
import jakarta.inject.Singleton;

/**
 * Binds each declared meal route to its request record and its handler: {@code query} reads as
 * the caller, {@code transact} writes one DynamoDB transaction with the Idempotency-Key's record.
 */
@Singleton
public class MealApi extends DeclaredApi {

    public MealApi(DynamoOperations dynamo, MealPointService points, MenuService menus, PolicyService policies,
                   OrderPlacement placement, MealQuotes quotes, OrderLifecycle lifecycle, OrderQueries orders, KitchenDayService days,
                   MealReports reports, OrderStepTimes steps) {
        super(MealRoutes.ALL,
                Binding.of(MealRoutes.CREATE_POINT, MealPointRequests.Create.class, dynamo.transact(points::create))
                        .answers(201, MealPoint.class),
                Binding.of(MealRoutes.LIST_POINTS, NoInput.class, dynamo.query(points::list))
                        .answers(200, MealPoint.Page.class),
                Binding.of(MealRoutes.GET_POINT, ById.class, dynamo.query(points::get)).answers(200, MealPoint.class),
                Binding.of(MealRoutes.PUT_MENU, MenuRequests.Publish.class, dynamo.transact(menus::publish))
                        .answers(200, Menu.class)
                        .refuses(MealProblem.MEAL_DATE_OUT_OF_RANGE),
                Binding.of(MealRoutes.GET_MENU, MealPointRequests.PointDay.class, dynamo.query(menus::get))
                        .answers(200, MenuDay.class),
                Binding.of(MealRoutes.KITCHEN_DAY, MealPointRequests.PointDay.class, dynamo.query(days::day))
                        .answers(200, KitchenDay.class),
                Binding.of(MealRoutes.PUBLISH_POLICY, PolicyRequests.Publish.class, dynamo.transact(policies::publish))
                        .answers(201, SubsidyPolicy.class),
                Binding.of(MealRoutes.CURRENT_POLICY, NoInput.class, dynamo.query(policies::read))
                        .answers(200, SubsidyPolicy.class),
                Binding.of(MealRoutes.PLACE, OrderRequests.Place.class, steps.timed(dynamo.transact(placement::place)))
                        .answers(201, MealOrder.class)
                        .refuses(MealProblem.MEAL_CUTOFF_PASSED, MealProblem.MEAL_DATE_OUT_OF_RANGE,
                                MealProblem.MEAL_DISH_NOT_ON_MENU, MealProblem.MEAL_MENU_NOT_PUBLISHED,
                                MealProblem.MEAL_POINT_CLOSED, MealProblem.MEAL_SLOT_NOT_SERVED,
                                MealProblem.MEAL_SOLD_OUT, ResidentStatusProblem.RESIDENT_INACTIVE),
                Binding.of(MealRoutes.LIST_ORDERS, OrderRequests.MonthOfResident.class,
                        dynamo.query(orders::monthOfResident)).answers(200, MealOrder.Page.class),
                Binding.of(MealRoutes.GET_ORDER, ById.class, dynamo.query(orders::get)).answers(200, MealOrder.class),
                Binding.of(MealRoutes.CANCEL, ById.class, dynamo.transact(lifecycle::cancel))
                        .answers(200, MealOrder.class)
                        .refuses(MealProblem.MEAL_CUTOFF_PASSED, MealProblem.MEAL_ORDER_NOT_CANCELLABLE),
                Binding.of(MealRoutes.SERVE, ById.class, dynamo.transact(lifecycle::serve))
                        .answers(200, MealOrder.class)
                        .refuses(MealProblem.MEAL_NOT_SERVING_DAY, MealProblem.MEAL_ORDER_NOT_SERVABLE),
                Binding.of(MealRoutes.NO_SHOW, ById.class, dynamo.transact(lifecycle::noShow))
                        .answers(200, MealOrder.class)
                        .refuses(MealProblem.MEAL_ORDER_NOT_SERVABLE, MealProblem.MEAL_SLOT_NOT_OVER),
                Binding.of(MealRoutes.SETTLEMENTS, DayRequests.Settlements.class, dynamo.query(days::settlements))
                        .answers(200, SettlementDay.class),
                Binding.of(MealRoutes.QUOTE, OrderRequests.Quote.class, dynamo.query(quotes::quote))
                        .answers(200, MealQuote.class)
                        .refuses(MealProblem.MEAL_CUTOFF_PASSED, MealProblem.MEAL_DATE_OUT_OF_RANGE,
                                MealProblem.MEAL_DISH_NOT_ON_MENU, MealProblem.MEAL_MENU_NOT_PUBLISHED,
                                MealProblem.MEAL_POINT_CLOSED, MealProblem.MEAL_SLOT_NOT_SERVED, MealProblem.MEAL_SOLD_OUT,
                                ResidentStatusProblem.RESIDENT_INACTIVE),
                Binding.of(MealRoutes.MEALS_SERVED, ReportRequests.Served.class, dynamo.query(reports::served))
                        .answers(200, MealsServed.class));
    }
}
