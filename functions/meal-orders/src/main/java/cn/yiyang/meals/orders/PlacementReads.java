package cn.yiyang.meals.orders;

import static cn.yiyang.stores.dynamo.DynamoStore.document;
import static cn.yiyang.stores.dynamo.DynamoStore.key;

import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.menus.Menu;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.policy.SubsidyPolicy;
import cn.yiyang.meals.policy.SubsidyUse;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.dynamo.BatchRead;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything an order is priced from, read in one round trip (one strongly consistent
 * BatchGetItem over two tables): the resident's card, the point, its menu of the day, the county's
 * current policy, and the resident's subsidy claim for the slot and their week's and month's
 * subsidised meals. Every key follows from the request alone (the claims are keyed by the
 * resident's id as the request names it), so nothing waits for the card. The caps are read whether
 * or not the policy sets them: in the same batch they cost nothing more. What is missing is
 * refused only where the order's checks reach it, in their fixed precedence (the resident first).
 */
record PlacementReads(Optional<ResidentCard> resident, Optional<MealPoint> foundPoint, Optional<Menu> menu,
                      SubsidyPolicy policy, SubsidyUse subsidyUse) {

    /** The point, once the resident has been admitted: a point not in the county is refused only then. */
    MealPoint point() {
        return foundPoint.orElseThrow(() -> ApiException.notFound("Meal point"));
    }

    /** The menu, once the slot is known to be orderable: a menu not yet published is refused only then. */
    Menu publishedMenu() {
        return menu.orElseThrow(() -> new ApiException(MealProblem.MEAL_MENU_NOT_PUBLISHED, "No menu for that date yet"));
    }

    static PlacementReads of(MealStore store, ResidentCards cards, String county, OrderRequests.Place r) {
        return of(store, cards, county, r, OrderStepTimes.OFF);
    }

    static PlacementReads of(MealStore store, ResidentCards cards, String county, OrderRequests.Place r,
                             OrderStepTimes steps) {
        String pointPk = MealKeys.pointPk(county, r.mealPointId());
        String claimsPk = MealKeys.claimsPk(county, r.residentId());
        BatchRead.Key card = cards.keyOf(county, r.residentId());
        BatchRead.Key point = store.keyHere(key(pointPk, MealKeys.POINT_SK));
        BatchRead.Key menu = store.keyHere(key(pointPk, MealKeys.menuSk(r.date())));
        BatchRead.Key policy = store.keyHere(key(MealKeys.policyPk(county), MealKeys.POLICY_CURRENT_SK));
        BatchRead.Key claim = store.keyHere(key(claimsPk, MealKeys.subsidyClaimSk(r.date(), r.slot())));
        BatchRead.Key week = store.keyHere(key(claimsPk, MealKeys.weekCapSk(r.date())));
        BatchRead.Key month = store.keyHere(key(claimsPk, MealKeys.monthCapSk(r.date())));
        Map<BatchRead.Key, Map<String, AttributeValue>> items =
                BatchRead.of(store.client(), List.of(card, point, menu, policy, claim, week, month));
        steps.mark(OrderStepTimes.Step.READS);

        SubsidyUse use = items.containsKey(claim) ? new SubsidyUse(true, 0, 0)
                : new SubsidyUse(false, meals(items.get(week)), meals(items.get(month)));
        Map<String, AttributeValue> policyItem = items.get(policy);
        PlacementReads reads = new PlacementReads(cards.in(items, county, r.residentId()),
                Optional.ofNullable(items.get(point)).map(item -> document(item, MealPoint.class)),
                Optional.ofNullable(items.get(menu)).map(item -> document(item, Menu.class)),
                policyItem == null ? SubsidyPolicy.NONE : document(policyItem, SubsidyPolicy.class), use);
        steps.mark(OrderStepTimes.Step.DOCUMENTS);
        return reads;
    }

    private static long meals(Map<String, AttributeValue> cap) {
        return cap == null ? 0 : MealStore.number(cap, "meals");
    }
}
