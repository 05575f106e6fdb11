package cn.yiyang.meals;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.meals.days.KitchenDayService;
import cn.yiyang.meals.menus.MenuService;
import cn.yiyang.meals.orders.OrderService;
import cn.yiyang.meals.points.MealPointService;
import cn.yiyang.meals.policy.PolicyService;
import cn.yiyang.stores.dynamo.DynamoOperations;
import jakarta.inject.Singleton;

/** Binds each declared meal route to its operation. */
@Singleton
public class MealApi extends DeclaredApi {

    public MealApi(DynamoOperations dynamo, MealPointService points, MenuService menus, PolicyService policies,
                   OrderService orders, KitchenDayService days) {
        super(MealRoutes.ALL,
                Binding.of(MealRoutes.CREATE_POINT, dynamo.write(points::create)),
                Binding.of(MealRoutes.LIST_POINTS, dynamo.read(points::list)),
                Binding.of(MealRoutes.GET_POINT, dynamo.read(points::get)),
                Binding.of(MealRoutes.PUT_MENU, dynamo.read(menus::put)),
                Binding.of(MealRoutes.GET_MENU, dynamo.read(menus::get)),
                Binding.of(MealRoutes.KITCHEN_DAY, dynamo.read(days::day)),
                Binding.of(MealRoutes.PUBLISH_POLICY, dynamo.write(policies::publish)),
                Binding.of(MealRoutes.CURRENT_POLICY, dynamo.read(policies::read)),
                Binding.of(MealRoutes.PLACE, dynamo.write(orders::place)),
                Binding.of(MealRoutes.LIST_ORDERS, dynamo.read(orders::listForResident)),
                Binding.of(MealRoutes.GET_ORDER, dynamo.read(orders::get)),
                Binding.of(MealRoutes.CANCEL, dynamo.write(orders::cancel)),
                Binding.of(MealRoutes.SERVE, dynamo.write(orders::serve)),
                Binding.of(MealRoutes.NO_SHOW, dynamo.write(orders::noShow)),
                Binding.of(MealRoutes.SETTLEMENTS, dynamo.read(days::settlements)));
    }
}
