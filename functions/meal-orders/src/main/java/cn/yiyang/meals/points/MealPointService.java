package cn.yiyang.meals.points;

import static cn.yiyang.meals.MealStore.document;
import static cn.yiyang.meals.MealStore.s;

import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.MealTable;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Meal points: registered by officers, read by everyone who orders or cooks. */
@ApplicationScoped
public class MealPointService {

    private final MealStore store;
    private final Clock clock;

    public MealPointService(MealStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public DynamoTransaction create(Caller caller, MealPointRequests.Create r) {
        MealPointRules.check(r, caller.county());
        MealPoint point = new MealPoint(UUID.randomUUID().toString(), caller.county(), r.name().strip(),
                r.address().strip(), r.streetCode(), r.operatorName().strip(), r.openDays(), r.slots(),
                CountyTime.now(clock));
        Map<String, AttributeValue> item = new HashMap<>(MealStore.key(MealKeys.pointPk(point.county(), point.id()),
                MealKeys.POINT_SK));
        item.put("data", document(point));
        item.put("gsi1pk", s(MealKeys.pointsOfCountyPk(point.county())));
        item.put("gsi1sk", s(point.id()));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        // Taken only if a fresh random id collided: computed again, it gets another.
        return new DynamoTransaction(List.of(ConditionalWrite.recomputing(put)), Reply.created(point));
    }

    public Reply get(Caller caller, ById request) {
        return Reply.ok(find(caller.county(), request.id()));
    }

    public Reply list(Caller caller, NoInput none) {
        List<MealPoint> points = store.query(MealTable.BY_RESIDENT, MealKeys.pointsOfCountyPk(caller.county()), null)
                .stream().map(item -> document(item, MealPoint.class)).toList();
        return Reply.ok(new MealPoint.Page(points));
    }

    /** The point in the caller's county; any other county's point is simply not found. */
    public MealPoint find(String county, String id) {
        return store.get(MealKeys.pointPk(county, id), MealKeys.POINT_SK).map(item -> document(item, MealPoint.class))
                .orElseThrow(() -> ApiException.notFound("Meal point"));
    }
}
