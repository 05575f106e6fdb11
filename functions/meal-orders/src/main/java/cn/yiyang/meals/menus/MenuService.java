package cn.yiyang.meals.menus;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.meals.orders.MealAccess;
import static cn.yiyang.meals.MealStore.document;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealDates;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.orders.OrderRules;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import cn.yiyang.meals.points.MealPointRequests.PointDay;
import cn.yiyang.meals.points.MealPointService;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** A meal point's menu per date, published by the canteen or an officer, replaced as a whole. */
@ApplicationScoped
public class MenuService {

    private final MealStore store;
    private final MealPointService points;
    private final Clock clock;

    public MenuService(MealStore store, MealPointService points, Clock clock) {
        this.store = store;
        this.points = points;
        this.clock = clock;
    }

    /** Replaces the day's menu: a PUT, so repeating it is harmless and it needs no condition. */
    public DynamoTransaction publish(Caller caller, MenuRequests.Publish request) {
        MealAccess.checkPoint(caller, ObjectKind.MEAL_POINT, Action.ACT, request.id());
        MealPoint point = points.find(caller.county(), request.id());
        LocalDate date = MealDates.date(request.date());
        MenuRules.checkDate(date, CountyTime.today(clock));
        MenuRules.checkDishes(request.dishes());
        Menu menu = new Menu(point.id(), date, List.copyOf(request.dishes()));
        Map<String, AttributeValue> item = new HashMap<>(MealStore.key(MealKeys.pointPk(caller.county(), point.id()),
                MealKeys.menuSk(date)));
        item.put("data", document(menu));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)).build();
        return new DynamoTransaction(List.of(ConditionalWrite.unconditional(put)), Reply.ok(menu));
    }

    /** The menu with each slot's seats left: the point, then the menu and the slot's seat counters in one batch. */
    public Reply get(Caller caller, PointDay request) {
        MealPoint point = points.find(caller.county(), request.id());
        LocalDate date = MealDates.date(request.date());
        String pk = MealKeys.pointPk(caller.county(), point.id());
        Map<String, AttributeValue> menuKey = MealStore.key(pk, MealKeys.menuSk(date));
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(menuKey));
        point.slots().keySet().forEach(slot -> List.of(Mode.values())
                .forEach(mode -> keys.add(MealStore.key(pk, MealKeys.seatsSk(date, slot, mode)))));
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = store.getAll(keys);
        Map<String, AttributeValue> menu = items.get(menuKey);
        if (menu == null) {
            throw ApiException.notFound("Menu");
        }
        Map<Slot, MenuDay.SlotSeats> slots = new EnumMap<>(Slot.class);
        LocalDateTime now = CountyTime.localNow(clock);
        point.slots().forEach((slot, rule) -> slots.put(slot, new MenuDay.SlotSeats(rule.cutoff(),
                OrderRules.isOrderable(point, date, rule, now), rule.dineInSeats(),
                left(rule.dineInSeats(), items.get(MealStore.key(pk, MealKeys.seatsSk(date, slot, Mode.DINE_IN)))),
                rule.deliverySeats(),
                left(rule.deliverySeats(), items.get(MealStore.key(pk, MealKeys.seatsSk(date, slot, Mode.DELIVERY)))))));
        Menu dishes = document(menu, Menu.class);
        return Reply.ok(new MenuDay(point.id(), date, dishes.dishes(), slots));
    }

    private static int left(int seats, Map<String, AttributeValue> counter) {
        long placed = counter == null ? 0 : MealStore.number(counter, "placed");
        return (int) Math.max(0, seats - placed);
    }

    public Optional<Menu> find(String county, String pointId, LocalDate date) {
        return store.get(MealKeys.pointPk(county, pointId), MealKeys.menuSk(date)).map(item -> document(item, Menu.class));
    }
}
