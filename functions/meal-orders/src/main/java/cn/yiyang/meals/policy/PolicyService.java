package cn.yiyang.meals.policy;

import cn.yiyang.kernel.time.CountyTime;
import static cn.yiyang.meals.MealStore.document;
import static cn.yiyang.meals.MealStore.n;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.meals.MealStore;
import cn.yiyang.stores.dynamo.DynamoWrite;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Versioned subsidy policies: every version is kept as written; {@code CURRENT} carries a copy
 * of the newest so pricing an order costs one read. Two officers publishing at once: one wins
 * the version, the other's write is computed again on top of it.
 */
@ApplicationScoped
public class PolicyService {

    public static final long SUBSIDY_FEN_MAX = 10_000;
    public static final int AGE_BANDS_MAX = 10;
    public static final int MEALS_CAP_MAX = 200;

    private final MealStore store;
    private final Clock clock;

    public PolicyService(MealStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public static String pk(String county) {
        return "POLICY#" + county;
    }

    public SubsidyPolicy current(String county) {
        return store.get(pk(county), "CURRENT").map(item -> document(item, SubsidyPolicy.class)).orElse(SubsidyPolicy.NONE);
    }

    public Reply read(Call call) {
        return Reply.ok(current(call.county()));
    }

    public DynamoWrite publish(Call call) {
        SubsidyPolicy.Request r = call.body(SubsidyPolicy.Request.class);
        validate(r);
        SubsidyPolicy previous = current(call.county());
        SubsidyPolicy next = new SubsidyPolicy(previous.version() + 1, List.copyOf(r.ageBands()),
                r.categorySubsidyFen() == null ? Map.of() : Map.copyOf(r.categorySubsidyFen()),
                r.freeCategories() == null ? Set.of() : Set.copyOf(r.freeCategories()),
                r.weeklyMealsMax(), r.monthlyMealsMax(), CountyTime.now(clock), call.caller().subject());
        Map<String, AttributeValue> version = new HashMap<>(MealStore.key(pk(call.county()), String.format("V#%010d", next.version())));
        version.put("data", document(next));
        Map<String, AttributeValue> current = new HashMap<>(MealStore.key(pk(call.county()), "CURRENT"));
        current.put("data", document(next));
        current.put("version", n(next.version()));
        TransactWriteItem putVersion = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(version)
                .conditionExpression("attribute_not_exists(pk)")).build();
        TransactWriteItem putCurrent = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(current)
                .conditionExpression("attribute_not_exists(pk) OR version = :previous")
                .expressionAttributeValues(Map.of(":previous", n(previous.version())))).build();
        return new DynamoWrite(List.of(putVersion, putCurrent), Reply.created(next), reasons -> null);
    }

    private static void validate(SubsidyPolicy.Request r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.ageBands() == null || r.ageBands().size() > AGE_BANDS_MAX) {
            errors.add(new FieldError("ageBands", "REQUIRED", "0 to " + AGE_BANDS_MAX + " age bands"));
        } else {
            for (int i = 0; i < r.ageBands().size(); i++) {
                AgeBand band = r.ageBands().get(i);
                if (band == null || band.fromAge() < 0 || (band.toAge() != null && band.toAge() < band.fromAge())
                        || band.subsidyFen() < 0 || band.subsidyFen() > SUBSIDY_FEN_MAX) {
                    errors.add(new FieldError("ageBands[" + i + "]", "BAD_BAND",
                            "fromAge ≤ toAge, subsidy 0 to " + SUBSIDY_FEN_MAX + " fen"));
                }
            }
        }
        if (r.categorySubsidyFen() != null) {
            r.categorySubsidyFen().forEach((category, fen) -> {
                if (fen == null || fen < 0 || fen > SUBSIDY_FEN_MAX) {
                    errors.add(new FieldError("categorySubsidyFen." + category, "BAD_AMOUNT", "0 to " + SUBSIDY_FEN_MAX + " fen"));
                }
            });
        }
        for (var cap : List.of(Map.entry("weeklyMealsMax", r.weeklyMealsMax() == null ? 1 : r.weeklyMealsMax()),
                Map.entry("monthlyMealsMax", r.monthlyMealsMax() == null ? 1 : r.monthlyMealsMax()))) {
            if (cap.getValue() < 1 || cap.getValue() > MEALS_CAP_MAX) {
                errors.add(new FieldError(cap.getKey(), "OUT_OF_RANGE", "1 to " + MEALS_CAP_MAX + " meals, or absent"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
