package cn.yiyang.meals.orders;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealStore;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meal quote: the order a hotline operator (or the resident, their family, the canteen) is about to place,
 * priced exactly as {@link OrderPlacement} would price it at this moment, with the same refusals, and nothing
 * written. Whoever may read the resident's orders may ask.
 */
@ApplicationScoped
public class MealQuotes {

    /** Room for {@link OrderRules#ITEMS_MAX} entries of an 8-character code and a quantity. */
    public static final int DISHES_CHARS_MAX = 200;
    private static final Pattern DISH = Pattern.compile("([A-Z0-9]{1,8})(?::([0-9]{1,2}))?");

    private final MealStore store;
    private final ResidentCards cards;
    private final Clock clock;

    public MealQuotes(MealStore store, ResidentCards cards, Clock clock) {
        this.store = store;
        this.cards = cards;
        this.clock = clock;
    }

    public Reply quote(Caller caller, OrderRequests.Quote q) {
        OrderRequests.Place order = new OrderRequests.Place(q.residentId(), q.mealPointId(), q.date(), q.slot(), q.mode(),
                null, items(q.dishes()));
        OrderRules.checkShape(order);
        MealAccess.requireResidentId(q.residentId());
        PlacementReads reads = PlacementReads.of(store, cards, caller.county(), order);
        ResidentCard resident = PricedOrder.requireActive(
                MealAccess.admitted(caller, reads.resident(), Action.READ, q.mealPointId()));
        PricedOrder priced = PricedOrder.of(resident, reads, order, CountyTime.localNow(clock));
        return Reply.ok(MealQuote.of(resident.residentId(), order, priced));
    }

    /** {@code A1:2,B2} as the order's items; the count and each quantity are then held to the order's own limits. */
    static List<OrderRequests.Item> items(String dishes) {
        if (dishes == null || dishes.isBlank()) {
            throw ApiException.invalid("dishes", "REQUIRED", "1 to " + OrderRules.ITEMS_MAX + " dishes: A1:2,B2");
        }
        List<OrderRequests.Item> items = new ArrayList<>();
        for (String entry : dishes.split(",", OrderRules.ITEMS_MAX + 2)) {
            Matcher dish = DISH.matcher(entry.strip());
            if (!dish.matches()) {
                throw ApiException.invalid("dishes", "BAD_DISHES", "Dish codes with quantities: A1:2,B2");
            }
            items.add(new OrderRequests.Item(dish.group(1), dish.group(2) == null ? 1 : Integer.parseInt(dish.group(2))));
        }
        return items;
    }
}
