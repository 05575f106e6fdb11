package cn.yiyang.timebank.exchanges;

import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoWrite;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.TimeBankTable;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.accounts.Entry;
import cn.yiyang.timebank.accounts.Ledger;
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
    public static final int NAME_CHARS_MAX = 50;
    public static final int ID_CHARS_MAX = 64;
    static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    static final String ITEM = "ITEM";
    static final String EXCHANGE = "EXCHANGE";

    private final TimeBankStore store;
    private final AccountService accounts;
    private final Ledger ledger;
    private final Clock clock;

    public ExchangeService(TimeBankStore store, AccountService accounts, Ledger ledger, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
    }

    public DynamoWrite addItem(Call call) {
        CatalogItem.Request r = call.body(CatalogItem.Request.class);
        if (r.name() == null || r.name().isBlank() || r.name().length() > NAME_CHARS_MAX) {
            throw ApiException.invalid("name", "REQUIRED", "1 to " + NAME_CHARS_MAX + " characters");
        }
        if (r.kind() == null) {
            throw ApiException.invalid("kind", "REQUIRED", "SERVICE or GOODS");
        }
        if (r.points() < 1 || r.points() > POINTS_MAX || r.stock() < 0 || r.stock() > STOCK_MAX) {
            throw ApiException.invalid("points", "OUT_OF_RANGE", "1 to " + POINTS_MAX + " points, stock 0 to " + STOCK_MAX);
        }
        CatalogItem item = new CatalogItem(UUID.randomUUID().toString(), r.name().strip(), r.kind(), r.points(), r.stock());
        Map<String, AttributeValue> attributes = new HashMap<>(DynamoStore.key(CatalogItem.pk(call.county(), item.id()), ITEM));
        attributes.put("data", DynamoStore.document(item));
        attributes.put("stock", n(item.stock()));
        attributes.put("gsi1pk", s("ITEMS#" + call.county()));
        attributes.put("gsi1sk", s(item.id()));
        return new DynamoWrite(List.of(TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(attributes)
                .conditionExpression("attribute_not_exists(pk)")).build()), Reply.created(item), reasons -> null);
    }

    public Reply listItems(Call call) {
        List<CatalogItem> items = store.query(TimeBankTable.CATALOG, "ITEMS#" + call.county(), null).stream()
                .map(ExchangeService::withStock).toList();
        return Reply.ok(Map.of("items", items));
    }

    /** Points and stock leave together or not at all; neither can go below zero. */
    public DynamoWrite exchange(Call call) {
        Exchange.Request r = call.body(Exchange.Request.class);
        if (r.itemId() == null || r.itemId().isBlank() || r.itemId().length() > ID_CHARS_MAX) {
            throw ApiException.invalid("itemId", "REQUIRED", "The catalog item's id");
        }
        if (r.accountId() != null && (r.accountId().isBlank() || r.accountId().length() > ID_CHARS_MAX)) {
            throw ApiException.invalid("accountId", "BAD_ID", "The account's id, or none for one's own");
        }
        String account = r.accountId() == null ? call.caller().subject() : r.accountId();
        if (account.equals(call.caller().subject())) {
            accounts.own(call);
        } else if (!accounts.mayActFor(call, account) || accounts.find(call.county(), account).isEmpty()) {
            throw ApiException.notFound("Account");
        }
        CatalogItem item = store.get(CatalogItem.pk(call.county(), r.itemId()), ITEM).map(ExchangeService::withStock)
                .orElseThrow(() -> ApiException.notFound("Catalog item"));
        boolean service = item.kind() == CatalogItem.Kind.SERVICE;
        Exchange exchange = new Exchange(UUID.randomUUID().toString(), account, item.id(), item.name(), item.kind(),
                item.points(), service ? Exchange.Status.AWAITING_BOOKING : Exchange.Status.TO_COLLECT,
                ConfirmationCode.generate(), null, CountyTime.now(clock), null, null);
        Map<String, AttributeValue> record = new HashMap<>(DynamoStore.key(Exchange.pk(call.county(), exchange.id()), EXCHANGE));
        record.put("data", DynamoStore.document(exchange));
        record.put("status", s(exchange.status().name()));
        record.put("gsi1pk", s(Exchange.vouchersPk(call.county())));
        record.put("gsi1sk", s(exchange.at().toInstant() + "#" + exchange.id()));
        List<TransactWriteItem> items = List.of(
                ledger.debit(call.county(), account, item.points(), "spent"),
                stock(call.county(), item.id(), -1),
                ledger.entry(call.county(), account, Entry.Kind.EXCHANGED, -item.points(),
                        new Entry.Cause(Entry.Cause.Type.EXCHANGE, exchange.id()), item.id()),
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

    /** Takes one from the stock only while some is left, or puts one back. */
    TransactWriteItem stock(String county, String itemId, int change) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(CatalogItem.pk(county, itemId), ITEM))
                .updateExpression("ADD stock :change")
                .conditionExpression(change < 0 ? "stock >= :taken" : "attribute_exists(pk)")
                .expressionAttributeValues(change < 0 ? Map.of(":change", n(change), ":taken", n(-change))
                        : Map.of(":change", n(change)))).build();
    }

    private static CatalogItem withStock(Map<String, AttributeValue> attributes) {
        CatalogItem item = DynamoStore.document(attributes, CatalogItem.class);
        return new CatalogItem(item.id(), item.name(), item.kind(), item.points(), DynamoStore.number(attributes, "stock"));
    }
}
