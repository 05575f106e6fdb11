package cn.yiyang.meals.orders;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.MealTable;
import cn.yiyang.meals.menus.Dish;
import cn.yiyang.meals.menus.Menu;
import cn.yiyang.meals.menus.MenuService;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.MealPointService;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.SlotRule;
import cn.yiyang.meals.policy.PolicyService;
import cn.yiyang.meals.policy.SubsidyPolicy;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.dynamo.DynamoWrite;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Placing, cancelling, serving and reading meal orders. Every change is one DynamoDB
 * transaction whose conditions carry the rules that must hold under any concurrency: a seat only
 * while seats remain, one subsidised meal per resident and slot across the county, caps, and a
 * status that moves only from the state it was read in.
 */
@ApplicationScoped
public class OrderService {

    public static final int ITEMS_MAX = 10;
    public static final int QUANTITY_MAX = 5;
    public static final int DAYS_AHEAD_MAX = 14;
    public static final int ADDRESS_CHARS_MAX = 100;
    private static final Pattern MONTH = Pattern.compile("20[0-9]{2}-(0[1-9]|1[0-2])");
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final MealStore store;
    private final MealAccess access;
    private final MealPointService points;
    private final MenuService menus;
    private final PolicyService policies;
    private final Clock clock;

    public OrderService(MealStore store, MealAccess access, MealPointService points, MenuService menus,
                        PolicyService policies, Clock clock) {
        this.store = store;
        this.access = access;
        this.points = points;
        this.menus = menus;
        this.policies = policies;
        this.clock = clock;
    }

    public DynamoWrite place(Call call) {
        OrderRequest r = call.body(OrderRequest.class);
        checkShape(r);
        ResidentCard resident = access.residentFor(call.caller(), r.residentId());
        if (!resident.isActive()) {
            throw new ApiException(MealProblem.RESIDENT_INACTIVE, "The resident is not active");
        }
        MealPoint point = points.find(call.county(), r.mealPointId());
        SlotRule rule = point.slots().get(r.slot());
        if (rule == null) {
            throw new ApiException(MealProblem.MEAL_SLOT_NOT_SERVED, "The meal point does not serve " + r.slot());
        }
        LocalDate today = CountyTime.today(clock);
        if (r.date().isBefore(today) || r.date().isAfter(today.plusDays(DAYS_AHEAD_MAX))) {
            throw new ApiException(MealProblem.MEAL_DATE_OUT_OF_RANGE, "Orders are taken from today up to "
                    + DAYS_AHEAD_MAX + " days ahead");
        }
        if (!point.openDays().contains(r.date().getDayOfWeek())) {
            throw new ApiException(MealProblem.MEAL_POINT_CLOSED, "The meal point is closed on " + r.date().getDayOfWeek());
        }
        checkBeforeCutoff(r.date(), rule);
        int seats = rule.seats(r.mode());
        if (seats == 0) {
            throw new ApiException(MealProblem.MEAL_SOLD_OUT, "The meal point takes no " + r.mode() + " orders for this slot");
        }
        Menu menu = menus.find(call.county(), point.id(), r.date())
                .orElseThrow(() -> new ApiException(MealProblem.MEAL_MENU_NOT_PUBLISHED, "No menu for that date yet"));
        List<MealOrder.Line> lines = lines(r, menu);
        long price = lines.stream().mapToLong(MealOrder.Line::amountFen).sum();
        SubsidyPolicy policy = policies.current(call.county());
        long subsidy = subsidyStillAvailable(call.county(), resident, r, policy)
                ? policy.subsidyFor(resident.ageOn(r.date()), resident.categories(), price) : 0;
        boolean weekly = subsidy > 0 && policy.weeklyMealsMax() != null;
        boolean monthly = subsidy > 0 && policy.monthlyMealsMax() != null;
        String address = r.mode() == Mode.DELIVERY
                ? (r.deliveryAddress() == null ? resident.addressLine() : r.deliveryAddress().strip()) : null;
        MealOrder order = new MealOrder(UUID.randomUUID().toString(), call.county(), resident.residentId(), resident.name(),
                resident.phoneMasked(), point.id(), r.date(), r.slot(), r.mode(), address, lines, price, subsidy,
                price - subsidy, policy.version(), weekly, monthly, ConfirmationCode.generate(), OrderStatus.PLACED,
                Channel.of(call.caller()), call.caller().subject(), CountyTime.now(clock), null, null);

        String table = store.table();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(OrderItems.takeSeat(table, order, seats));
        items.add(OrderItems.putNew(table, order));
        if (subsidy > 0) {
            items.add(OrderItems.claimSubsidy(table, order));
        }
        if (weekly) {
            items.add(OrderItems.countAgainstCap(table, order, OrderItems.weekSk(order.date()), policy.weeklyMealsMax()));
        }
        if (monthly) {
            items.add(OrderItems.countAgainstCap(table, order, OrderItems.monthSk(order.date()), policy.monthlyMealsMax()));
        }
        return new DynamoWrite(items, Reply.created(order), reasons -> {
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
                return new ApiException(MealProblem.MEAL_SOLD_OUT, "No " + r.mode() + " seat left for this slot");
            }
            // The subsidy was claimed, or a cap reached, by another order at the same moment:
            // price again, and the fresh reads will place this one at full price.
            return null;
        });
    }

    public DynamoWrite cancel(Call call) {
        MealOrder order = load(call);
        if (order.status() != OrderStatus.PLACED) {
            throw new ApiException(MealProblem.MEAL_ORDER_NOT_CANCELLABLE, "The order is " + order.status());
        }
        checkBeforeCutoff(order.date(), points.find(call.county(), order.mealPointId()).slots().get(order.slot()));
        MealOrder cancelled = order.moved(OrderStatus.CANCELLED, CountyTime.now(clock), call.caller().subject());
        String table = store.table();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(OrderItems.move(table, order, cancelled));
        items.add(OrderItems.freeSeat(table, order));
        if (order.subsidyFen() > 0) {
            items.add(OrderItems.releaseSubsidy(table, order));
        }
        if (order.weeklyCapCounted()) {
            items.add(OrderItems.uncountFromCap(table, order, OrderItems.weekSk(order.date())));
        }
        if (order.monthlyCapCounted()) {
            items.add(OrderItems.uncountFromCap(table, order, OrderItems.monthSk(order.date())));
        }
        // Moved by someone else meanwhile: read it again, and the status check answers.
        return new DynamoWrite(items, Reply.ok(cancelled), OrderService::readAgain);
    }

    public DynamoWrite serve(Call call) {
        MealOrder order = load(call);
        if (order.status() != OrderStatus.PLACED) {
            throw new ApiException(MealProblem.MEAL_ORDER_NOT_SERVABLE, "The order is " + order.status());
        }
        if (!order.date().equals(CountyTime.today(clock))) {
            throw new ApiException(MealProblem.MEAL_NOT_SERVING_DAY, "The order is for " + order.date());
        }
        MealOrder served = order.moved(order.mode() == Mode.DELIVERY ? OrderStatus.DELIVERED : OrderStatus.SERVED,
                CountyTime.now(clock), call.caller().subject());
        return new DynamoWrite(List.of(OrderItems.move(store.table(), order, served),
                OrderItems.settle(store.table(), order, true)), Reply.ok(served), OrderService::readAgain);
    }

    public DynamoWrite noShow(Call call) {
        MealOrder order = load(call);
        if (order.status() != OrderStatus.PLACED) {
            throw new ApiException(MealProblem.MEAL_ORDER_NOT_SERVABLE, "The order is " + order.status());
        }
        SlotRule rule = points.find(call.county(), order.mealPointId()).slots().get(order.slot());
        if (CountyTime.localNow(clock).isBefore(order.date().atTime(rule.endsAt()))) {
            throw new ApiException(MealProblem.MEAL_SLOT_NOT_OVER, "The slot ends at " + rule.endsAt());
        }
        MealOrder missed = order.moved(OrderStatus.NO_SHOW, CountyTime.now(clock), call.caller().subject());
        return new DynamoWrite(List.of(OrderItems.move(store.table(), order, missed),
                OrderItems.settle(store.table(), order, false)), Reply.ok(missed), OrderService::readAgain);
    }

    public Reply get(Call call) {
        return Reply.ok(load(call));
    }

    /** A resident's orders in one month, newest day last. */
    public Reply listForResident(Call call) {
        ResidentCard resident = access.residentFor(call.caller(), call.requiredQueryParam("residentId"));
        String month = call.requiredQueryParam("month");
        if (!MONTH.matcher(month).matches()) {
            throw ApiException.invalid("month", "BAD_MONTH", "A month YYYY-MM");
        }
        List<MealOrder> orders = store.query(MealTable.BY_RESIDENT, "R#" + call.county() + "#" + resident.residentId(), month).stream()
                .map(item -> MealStore.document(item, MealOrder.class)).toList();
        return Reply.ok(new MealOrder.Page(orders));
    }

    private MealOrder load(Call call) {
        String id = call.pathParam("id");
        MealOrder order = store.get(MealOrder.pk(call.county(), id), MealOrder.SK)
                .map(item -> MealStore.document(item, MealOrder.class))
                .orElseThrow(() -> ApiException.notFound("Meal order"));
        access.checkOrder(call.caller(), order);
        return order;
    }

    private void checkBeforeCutoff(LocalDate date, SlotRule rule) {
        LocalDateTime cutoff = date.atTime(rule.cutoff());
        if (!CountyTime.localNow(clock).isBefore(cutoff)) {
            throw new ApiException(MealProblem.MEAL_CUTOFF_PASSED, "Orders for this slot closed at " + cutoff);
        }
    }

    private boolean subsidyStillAvailable(String county, ResidentCard resident, OrderRequest r, SubsidyPolicy policy) {
        String pk = OrderItems.claimPk(county, resident.residentId());
        if (store.get(pk, OrderItems.claimSk(r.date(), r.slot())).isPresent()) {
            return false;
        }
        if (policy.weeklyMealsMax() != null && store.get(pk, OrderItems.weekSk(r.date()))
                .map(item -> MealStore.number(item, "meals") >= policy.weeklyMealsMax()).orElse(false)) {
            return false;
        }
        return policy.monthlyMealsMax() == null || !store.get(pk, OrderItems.monthSk(r.date()))
                .map(item -> MealStore.number(item, "meals") >= policy.monthlyMealsMax()).orElse(false);
    }

    private static List<MealOrder.Line> lines(OrderRequest r, Menu menu) {
        List<MealOrder.Line> lines = new ArrayList<>();
        List<FieldError> missing = new ArrayList<>();
        for (int i = 0; i < r.items().size(); i++) {
            OrderRequest.Item item = r.items().get(i);
            Dish dish = menu.dish(item.dishCode()).orElse(null);
            if (dish == null) {
                missing.add(new FieldError("items[" + i + "].dishCode", "NOT_ON_MENU", "Not on the menu of " + r.date()));
            } else {
                lines.add(new MealOrder.Line(dish.code(), dish.name(), item.quantity(), dish.priceFen(),
                        Math.multiplyExact(dish.priceFen(), item.quantity())));
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(MealProblem.MEAL_DISH_NOT_ON_MENU, "Some dishes are not on that day's menu", missing);
        }
        return lines;
    }

    private static void checkShape(OrderRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.mealPointId() == null || r.mealPointId().isBlank()) {
            errors.add(new FieldError("mealPointId", "REQUIRED", "The meal point's id"));
        }
        if (r.date() == null) {
            errors.add(new FieldError("date", "REQUIRED", "A date YYYY-MM-DD"));
        }
        if (r.slot() == null) {
            errors.add(new FieldError("slot", "REQUIRED", "LUNCH or DINNER"));
        }
        if (r.mode() == null) {
            errors.add(new FieldError("mode", "REQUIRED", "DINE_IN or DELIVERY"));
        }
        if (r.deliveryAddress() != null && (r.mode() != Mode.DELIVERY || r.deliveryAddress().isBlank()
                || r.deliveryAddress().length() > ADDRESS_CHARS_MAX)) {
            errors.add(new FieldError("deliveryAddress", "BAD_ADDRESS",
                    "Only for DELIVERY, 1 to " + ADDRESS_CHARS_MAX + " characters"));
        }
        if (r.items() == null || r.items().isEmpty() || r.items().size() > ITEMS_MAX) {
            errors.add(new FieldError("items", "BAD_COUNT", "1 to " + ITEMS_MAX + " dishes"));
        } else {
            for (int i = 0; i < r.items().size(); i++) {
                OrderRequest.Item item = r.items().get(i);
                if (item == null || item.dishCode() == null || item.dishCode().isBlank()) {
                    errors.add(new FieldError("items[" + i + "].dishCode", "REQUIRED", "A dish code"));
                } else if (item.quantity() < 1 || item.quantity() > QUANTITY_MAX) {
                    errors.add(new FieldError("items[" + i + "].quantity", "OUT_OF_RANGE", "1 to " + QUANTITY_MAX));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static ApiException readAgain(List<CancellationReason> reasons) {
        return null;
    }
}
