package cn.yiyang.meals.points;

import cn.yiyang.kernel.time.CountyTime;
import static cn.yiyang.meals.MealStore.document;
import static cn.yiyang.meals.MealStore.s;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.MealTable;
import cn.yiyang.stores.dynamo.DynamoWrite;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Meal points: registered by officers, read by everyone who orders or cooks. */
@ApplicationScoped
public class MealPointService {

    public static final int TEXT_CHARS_MAX = 100;
    public static final int SEATS_MAX = 5_000;
    private static final Pattern STREET = Pattern.compile("[0-9]{9}");

    private final MealStore store;
    private final Clock clock;

    public MealPointService(MealStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public DynamoWrite create(Call call) {
        MealPointRequest r = call.body(MealPointRequest.class);
        validate(r, call.county());
        MealPoint point = new MealPoint(UUID.randomUUID().toString(), call.county(), r.name().strip(), r.address().strip(),
                r.streetCode(), r.operatorName().strip(), r.openDays(), r.slots(), CountyTime.now(clock));
        Map<String, AttributeValue> item = new HashMap<>(MealStore.key(MealPoint.pk(point.county(), point.id()), MealPoint.SK));
        item.put("data", document(point));
        item.put("gsi1pk", s("POINTS#" + point.county()));
        item.put("gsi1sk", s(point.id()));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        return new DynamoWrite(List.of(put), Reply.created(point), reasons -> null);
    }

    public Reply get(Call call) {
        return Reply.ok(find(call.county(), call.pathParam("id")));
    }

    public Reply list(Call call) {
        List<MealPoint> points = store.query(MealTable.BY_RESIDENT, "POINTS#" + call.county(), null).stream()
                .map(item -> document(item, MealPoint.class)).toList();
        return Reply.ok(Map.of("items", points));
    }

    /** The point in the caller's county; any other county's point is simply not found. */
    public MealPoint find(String county, String id) {
        return store.get(MealPoint.pk(county, id), MealPoint.SK).map(item -> document(item, MealPoint.class))
                .orElseThrow(() -> ApiException.notFound("Meal point"));
    }

    private static void validate(MealPointRequest r, String county) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "name", r.name());
        text(errors, "address", r.address());
        text(errors, "operatorName", r.operatorName());
        if (r.streetCode() == null || !STREET.matcher(r.streetCode()).matches() || !r.streetCode().startsWith(county)) {
            errors.add(new FieldError("streetCode", "BAD_STREET_CODE", "A 9-digit street code in the caller's county"));
        }
        if (r.openDays() == null || r.openDays().isEmpty()) {
            errors.add(new FieldError("openDays", "REQUIRED", "At least one day of the week"));
        }
        if (r.slots() == null || r.slots().isEmpty()) {
            errors.add(new FieldError("slots", "REQUIRED", "At least one of LUNCH and DINNER"));
        } else {
            r.slots().forEach((slot, rule) -> {
                String field = "slots." + slot;
                if (rule == null || rule.cutoff() == null || rule.endsAt() == null || !rule.cutoff().isBefore(rule.endsAt())) {
                    errors.add(new FieldError(field, "BAD_TIMES", "A cut-off before the slot ends"));
                } else if (rule.dineInSeats() < 0 || rule.deliverySeats() < 0 || rule.dineInSeats() > SEATS_MAX
                        || rule.deliverySeats() > SEATS_MAX || rule.dineInSeats() + rule.deliverySeats() == 0) {
                    errors.add(new FieldError(field, "BAD_SEATS", "0 to " + SEATS_MAX + " seats per mode, some in all"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void text(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > TEXT_CHARS_MAX) {
            errors.add(new FieldError(field, "REQUIRED", "1 to " + TEXT_CHARS_MAX + " characters"));
        }
    }
}
