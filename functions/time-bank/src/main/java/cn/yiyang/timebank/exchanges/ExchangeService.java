package cn.yiyang.timebank.exchanges;

import static cn.yiyang.stores.dynamo.DynamoStore.n;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.gateway.dispatch.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoWrite;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.TimeBankTable;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.accounts.Entry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The exchange catalog, and exchanges that take the points and the stock in one atomic step. */
@ApplicationScoped
public class ExchangeService {

    public static final long POINTS_MAX = 100_000;
    public static final long STOCK_MAX = 1_000_000;
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final TimeBankStore store;
    private final AccountService accounts;
    private final Clock clock;

    public ExchangeService(TimeBankStore store, AccountService accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    public DynamoWrite addItem(Call call) {
        CatalogItem.Request r = call.body(CatalogItem.Request.class);
        if (r.name() == null || r.name().isBlank() || r.name().length() > 50) {
            throw ApiException.invalid("name", "REQUIRED", "1 to 50 characters");
        }
        if (r.kind() == null) {
            throw ApiException.invalid("kind", "REQUIRED", "SERVICE or GOODS");
        }
        if (r.points() < 1 || r.points() > POINTS_MAX || r.stock() < 0 || r.stock() > STOCK_MAX) {
            throw ApiException.invalid("points", "OUT_OF_RANGE", "1 to " + POINTS_MAX + " points, stock 0 to " + STOCK_MAX);
        }
        CatalogItem item = new CatalogItem(UUID.randomUUID().toString(), r.name().strip(), r.kind(), r.points(), r.stock());
        Map<String, AttributeValue> attributes = new HashMap<>(DynamoStore.key(CatalogItem.pk(call.county(), item.id()), "ITEM"));
        attributes.put("data", DynamoStore.document(item));
        attributes.put("stock", n(item.stock()));
        attributes.put("gsi1pk", DynamoStore.s("ITEMS#" + call.county()));
        attributes.put("gsi1sk", DynamoStore.s(item.id()));
        return new DynamoWrite(List.of(TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(attributes)
                .conditionExpression("attribute_not_exists(pk)")).build()), Reply.created(item), reasons -> null);
    }

    public Reply listItems(Call call) {
        List<CatalogItem> items = store.query(TimeBankTable.CATALOG, "ITEMS#" + call.county(), null).stream()
                .map(item -> withStock(item)).toList();
        return Reply.ok(Map.of("items", items));
    }

    /** Points and stock leave together or not at all; neither can go below zero. */
    public DynamoWrite exchange(Call call) {
        Exchange.Request r = call.body(Exchange.Request.class);
        if (r.itemId() == null || r.itemId().isBlank() || r.itemId().length() > 64) {
            throw ApiException.invalid("itemId", "REQUIRED", "The catalog item's id");
        }
        String volunteer = call.caller().subject();
        accounts.account(call.county(), volunteer);
        CatalogItem item = store.get(CatalogItem.pk(call.county(), r.itemId()), "ITEM").map(this::withStock)
                .orElseThrow(() -> ApiException.notFound("Catalog item"));
        Exchange exchange = new Exchange(UUID.randomUUID().toString(), volunteer, item.id(), item.name(), item.kind(),
                item.points(), item.kind() == CatalogItem.Kind.SERVICE ? Exchange.Status.AWAITING_BOOKING
                        : Exchange.Status.TO_COLLECT, CountyTime.now(clock));
        Map<String, AttributeValue> record = new HashMap<>(DynamoStore.key("X#" + call.county() + "#" + exchange.id(), "EXCHANGE"));
        record.put("data", DynamoStore.document(exchange));
        List<TransactWriteItem> items = List.of(
                accounts.debit(call.county(), volunteer, item.points(), "spent"),
                TransactWriteItem.builder().update(u -> u.tableName(store.table())
                        .key(DynamoStore.key(CatalogItem.pk(call.county(), item.id()), "ITEM"))
                        .updateExpression("ADD stock :minus")
                        .conditionExpression("stock >= :one")
                        .expressionAttributeValues(Map.of(":minus", n(-1), ":one", n(1)))).build(),
                accounts.entry(call.county(), volunteer, Entry.Kind.EXCHANGED, -item.points(), "exchange:" + exchange.id()),
                TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(record)
                        .conditionExpression("attribute_not_exists(pk)")).build());
        return new DynamoWrite(items, Reply.created(exchange), reasons -> {
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
                return new ApiException(TimeBankProblem.INSUFFICIENT_POINTS, "The balance does not cover " + item.points());
            }
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(1).code())) {
                return new ApiException(TimeBankProblem.OUT_OF_STOCK, "No stock left");
            }
            return null;
        });
    }

    private CatalogItem withStock(Map<String, AttributeValue> attributes) {
        CatalogItem item = DynamoStore.document(attributes, CatalogItem.class);
        return new CatalogItem(item.id(), item.name(), item.kind(), item.points(), DynamoStore.number(attributes, "stock"));
    }
}
