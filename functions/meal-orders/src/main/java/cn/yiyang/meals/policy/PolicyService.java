package cn.yiyang.meals.policy;

import static cn.yiyang.meals.MealStore.document;
import static cn.yiyang.meals.MealStore.n;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealStore;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
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

    private final MealStore store;
    private final Clock clock;

    public PolicyService(MealStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public SubsidyPolicy current(String county) {
        return store.get(MealKeys.policyPk(county), MealKeys.POLICY_CURRENT_SK)
                .map(item -> document(item, SubsidyPolicy.class)).orElse(SubsidyPolicy.NONE);
    }

    public Reply read(Caller caller, NoInput none) {
        return Reply.ok(current(caller.county()));
    }

    public DynamoTransaction publish(Caller caller, PolicyRequests.Publish r) {
        PolicyRules.check(r);
        String pk = MealKeys.policyPk(caller.county());
        SubsidyPolicy previous = current(caller.county());
        SubsidyPolicy next = new SubsidyPolicy(previous.version() + 1, List.copyOf(r.ageBands()),
                r.categorySubsidyFen() == null ? Map.of() : Map.copyOf(r.categorySubsidyFen()),
                r.freeCategories() == null ? Set.of() : Set.copyOf(r.freeCategories()),
                r.weeklyMealsMax(), r.monthlyMealsMax(), CountyTime.now(clock), caller.subject());
        Map<String, AttributeValue> version = new HashMap<>(MealStore.key(pk, MealKeys.policyVersionSk(next.version())));
        version.put("data", document(next));
        Map<String, AttributeValue> current = new HashMap<>(MealStore.key(pk, MealKeys.POLICY_CURRENT_SK));
        current.put("data", document(next));
        current.put("version", n(next.version()));
        TransactWriteItem putVersion = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(version)
                .conditionExpression("attribute_not_exists(pk)")).build();
        TransactWriteItem putCurrent = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(current)
                .conditionExpression("attribute_not_exists(pk) OR version = :previous")
                .expressionAttributeValues(Map.of(":previous", n(previous.version())))).build();
        // Either condition fails only when another officer published this version first: build on theirs.
        return new DynamoTransaction(List.of(ConditionalWrite.recomputing(putVersion),
                ConditionalWrite.recomputing(putCurrent)), Reply.created(next));
    }
}
