package cn.yiyang.meals.orders;

import static cn.yiyang.stores.dynamo.DynamoStore.document;
import static cn.yiyang.stores.dynamo.DynamoStore.key;

import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.menus.Menu;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.policy.SubsidyPolicy;
import cn.yiyang.meals.policy.SubsidyUse;
import cn.yiyang.kernel.problem.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything an order is priced from, read from the meal table in one round trip (one strongly
 * consistent BatchGetItem): the point, its menu of the day, the county's current policy, and the
 * resident's subsidy claim for the slot and their week's and month's subsidised meals. The caps are
 * read whether or not the policy sets them: in the same batch they cost nothing more.
 */
record PlacementReads(MealPoint point, Optional<Menu> menu, SubsidyPolicy policy, SubsidyUse subsidyUse) {

    /** The menu, once the slot is known to be orderable: a menu not yet published is refused only then. */
    Menu publishedMenu() {
        return menu.orElseThrow(() -> new ApiException(MealProblem.MEAL_MENU_NOT_PUBLISHED, "No menu for that date yet"));
    }

    static PlacementReads of(MealStore store, String county, String residentId, OrderRequests.Place r) {
        String pointPk = MealKeys.pointPk(county, r.mealPointId());
        String claimsPk = MealKeys.claimsPk(county, residentId);
        Map<String, AttributeValue> pointKey = key(pointPk, MealKeys.POINT_SK);
        Map<String, AttributeValue> menuKey = key(pointPk, MealKeys.menuSk(r.date()));
        Map<String, AttributeValue> policyKey = key(MealKeys.policyPk(county), MealKeys.POLICY_CURRENT_SK);
        Map<String, AttributeValue> claimKey = key(claimsPk, MealKeys.subsidyClaimSk(r.date(), r.slot()));
        Map<String, AttributeValue> weekKey = key(claimsPk, MealKeys.weekCapSk(r.date()));
        Map<String, AttributeValue> monthKey = key(claimsPk, MealKeys.monthCapSk(r.date()));
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items =
                store.getAll(List.of(pointKey, menuKey, policyKey, claimKey, weekKey, monthKey));

        Map<String, AttributeValue> point = items.get(pointKey);
        if (point == null) {
            throw ApiException.notFound("Meal point");
        }
        Map<String, AttributeValue> menu = items.get(menuKey);
        Map<String, AttributeValue> policy = items.get(policyKey);
        SubsidyUse use = items.containsKey(claimKey) ? new SubsidyUse(true, 0, 0)
                : new SubsidyUse(false, meals(items.get(weekKey)), meals(items.get(monthKey)));
        return new PlacementReads(document(point, MealPoint.class),
                Optional.ofNullable(menu).map(item -> document(item, Menu.class)),
                policy == null ? SubsidyPolicy.NONE : document(policy, SubsidyPolicy.class), use);
    }

    private static long meals(Map<String, AttributeValue> cap) {
        return cap == null ? 0 : MealStore.number(cap, "meals");
    }
}
