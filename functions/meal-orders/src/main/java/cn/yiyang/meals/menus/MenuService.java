package cn.yiyang.meals.menus;

import cn.yiyang.kernel.time.CountyTime;
import static cn.yiyang.meals.MealStore.document;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.MealPointService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A meal point's menu per date, published by the canteen or an officer, replaced as a whole. */
@ApplicationScoped
public class MenuService {

    public static final int DISHES_MAX = 30;
    public static final int DAYS_AHEAD_MAX = 31;
    public static final long PRICE_FEN_MAX = 100_000;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,8}");

    private final MealStore store;
    private final MealPointService points;
    private final Clock clock;

    public MenuService(MealStore store, MealPointService points, Clock clock) {
        this.store = store;
        this.points = points;
        this.clock = clock;
    }

    public Reply put(Call call) {
        Menu.Request request = call.body(Menu.Request.class);
        MealPoint point = points.find(call.county(), call.pathParam("id"));
        LocalDate date = date(call.pathParam("date"));
        LocalDate today = CountyTime.today(clock);
        if (date.isBefore(today) || date.isAfter(today.plusDays(DAYS_AHEAD_MAX))) {
            throw new ApiException(MealProblem.MEAL_DATE_OUT_OF_RANGE, "Menus are published for today up to "
                    + DAYS_AHEAD_MAX + " days ahead");
        }
        validate(request);
        Menu menu = new Menu(point.id(), date, List.copyOf(request.dishes()));
        Map<String, AttributeValue> item = new HashMap<>(MealStore.key(MealPoint.pk(call.county(), point.id()), Menu.sk(date)));
        item.put("data", document(menu));
        store.client().putItem(b -> b.tableName(store.table()).item(item));
        return Reply.ok(menu);
    }

    public Reply get(Call call) {
        MealPoint point = points.find(call.county(), call.pathParam("id"));
        return Reply.ok(find(call.county(), point.id(), date(call.pathParam("date")))
                .orElseThrow(() -> ApiException.notFound("Menu")));
    }

    public Optional<Menu> find(String county, String pointId, LocalDate date) {
        return store.get(MealPoint.pk(county, pointId), Menu.sk(date)).map(item -> document(item, Menu.class));
    }

    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "BAD_DATE", "A date YYYY-MM-DD");
        }
    }

    private static void validate(Menu.Request request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.dishes() == null || request.dishes().isEmpty() || request.dishes().size() > DISHES_MAX) {
            throw ApiException.invalid("dishes", "BAD_COUNT", "1 to " + DISHES_MAX + " dishes");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.dishes().size(); i++) {
            Dish dish = request.dishes().get(i);
            String field = "dishes[" + i + "]";
            if (dish == null || dish.code() == null || !CODE.matcher(dish.code()).matches() || !codes.add(dish.code())) {
                errors.add(new FieldError(field + ".code", "BAD_CODE", "1 to 8 of A-Z 0-9, unique on the menu"));
            }
            if (dish == null || dish.name() == null || dish.name().isBlank() || dish.name().length() > 30) {
                errors.add(new FieldError(field + ".name", "BAD_NAME", "1 to 30 characters"));
            }
            if (dish == null || dish.priceFen() < 1 || dish.priceFen() > PRICE_FEN_MAX) {
                errors.add(new FieldError(field + ".priceFen", "BAD_PRICE", "1 to " + PRICE_FEN_MAX + " fen"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
