package cn.yiyang.meals.orders;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.identity.Masks;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.policy.SubsidyGrant;
import cn.yiyang.meals.policy.SubsidyPolicy;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Placing a meal order: one DynamoDB transaction whose conditions carry what must hold under any
 * concurrency: a seat only while seats remain, one subsidised meal per resident and slot across
 * the county, and the caps. A subsidy or cap taken by another order meanwhile is resolved by
 * pricing again from fresh reads, so the later order is placed at full price.
 */
@ApplicationScoped
public class OrderPlacement {

    private final MealStore store;
    private final ResidentCards cards;
    private final Clock clock;
    private final OrderStepTimes steps;

    public OrderPlacement(MealStore store, ResidentCards cards, Clock clock, OrderStepTimes steps) {
        this.store = store;
        this.cards = cards;
        this.clock = clock;
        this.steps = steps;
    }

    public DynamoTransaction place(Caller caller, OrderRequests.Place r) {
        OrderRules.checkShape(r);
        MealAccess.requireResidentId(r.residentId());
        PlacementReads reads = PlacementReads.of(store, cards, caller.county(), r, steps);
        ResidentCard resident = PricedOrder.requireActive(
                MealAccess.admitted(caller, reads.resident(), Action.CREATE, r.mealPointId()));
        PricedOrder priced = PricedOrder.of(resident, reads, r, CountyTime.localNow(clock));
        String address = r.mode() == Mode.DELIVERY
                ? Masks.inText(r.deliveryAddress() == null ? resident.addressLine() : r.deliveryAddress().strip()) : null;
        SubsidyGrant grant = priced.grant();
        MealOrder order = new MealOrder(UUID.randomUUID().toString(), caller.county(), resident.residentId(),
                resident.name(), resident.phoneMasked(), priced.point().id(), r.date(), r.slot(), r.mode(), address,
                priced.lines(), priced.priceFen(), grant.subsidyFen(), priced.payFen(), priced.policy().version(),
                grant.weeklyCapCounted(), grant.monthlyCapCounted(), ConfirmationCode.generate(), OrderStatus.PLACED,
                Channel.of(caller), caller.subject(), CountyTime.now(clock), null, null);
        steps.mark(OrderStepTimes.Step.ORDER);
        DynamoTransaction transaction = new DynamoTransaction(writes(order, priced.rule().seats(r.mode()), priced.policy()),
                Reply.created(order));
        steps.mark(OrderStepTimes.Step.ANSWER);
        return transaction;
    }

    private List<ConditionalWrite> writes(MealOrder order, int seats, SubsidyPolicy policy) {
        String table = store.table();
        List<ConditionalWrite> writes = new ArrayList<>();
        writes.add(OrderItems.takeSeat(table, order, seats));
        writes.add(OrderItems.putNew(table, order));
        if (order.subsidyFen() > 0) {
            writes.add(OrderItems.claimSubsidy(table, order));
        }
        if (order.weeklyCapCounted()) {
            writes.add(OrderItems.countAgainstCap(table, order, MealKeys.weekCapSk(order.date()), policy.weeklyMealsMax()));
        }
        if (order.monthlyCapCounted()) {
            writes.add(OrderItems.countAgainstCap(table, order, MealKeys.monthCapSk(order.date()), policy.monthlyMealsMax()));
        }
        return writes;
    }
}
