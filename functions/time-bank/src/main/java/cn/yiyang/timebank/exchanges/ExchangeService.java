package cn.yiyang.timebank.exchanges;

import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoTransaction;
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
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The exchange catalog, and exchanges that take the points and the stock in one atomic step. */
@ApplicationScoped
public class ExchangeService {

    static final String ITEM = "ITEM";
    static final String EXCHANGE = "EXCHANGE";

    private final TimeBankStore store;
    private final AccountService accounts;
    private final ResidentCards cards;
    private final KnownItems knownItems;
    private final Ledger ledger;
    private final Clock clock;

    public ExchangeService(TimeBankStore store, AccountService accounts, ResidentCards cards, KnownItems knownItems,
                           Ledger ledger, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.cards = cards;
        this.knownItems = knownItems;
        this.ledger = ledger;
        this.clock = clock;
    }

    public DynamoTransaction addItem(Caller caller, ExchangeRequests.AddItem request) {
        CatalogItem item = ExchangeRules.newItem(UUID.randomUUID().toString(), request);
        Map<String, AttributeValue> attributes = new HashMap<>(DynamoStore.key(CatalogItem.pk(caller.county(), item.id()), ITEM));
        attributes.put("data", DynamoStore.document(item));
        attributes.put("stock", n(item.stock()));
        attributes.put("gsi1pk", s(catalogPk(caller.county())));
        attributes.put("gsi1sk", s(item.id()));
        return new DynamoTransaction(List.of(ConditionalWrite.unconditional(TransactWriteItem.builder()
                .put(p -> p.tableName(store.table()).item(attributes).conditionExpression("attribute_not_exists(pk)"))
                .build())), Reply.created(item));
    }

    public Reply listItems(Caller caller, NoInput none) {
        List<CatalogItem> items = store.query(TimeBankTable.CATALOG, catalogPk(caller.county()), null).stream()
                .map(ExchangeService::withStock).toList();
        return Reply.ok(new CatalogItem.Page(items));
    }

    /**
     * Points and stock leave together or not at all; neither can go below zero. One's own account and
     * an item this process knows need no read at all: the transaction's conditions check the balance
     * and the stock, and only a refused debit looks at the account, to tell "no account" from "too few
     * points". Otherwise one batch reads what the exchange is decided from ({@link ExchangeReads}).
     */
    public DynamoTransaction exchange(Caller caller, ExchangeRequests.ExchangePoints request) {
        ExchangeRules.requireWellFormed(request);
        String county = caller.county();
        boolean own = request.accountId() == null || request.accountId().equals(caller.subject());
        Optional<CatalogItem> known = own ? knownItems.find(county, request.itemId()) : Optional.empty();
        if (known.isPresent()) {
            CatalogItem item = known.get();
            return exchanged(caller, caller.subject(), item, ConditionalWrite.refusingAfterLooking(
                    ledger.debit(county, caller.subject(), item.points(), "spent"), () -> accounts.find(county, caller.subject())
                            .map(open -> insufficientPoints(item)).orElseGet(AccountService::notRegistered)));
        }
        ExchangeReads reads = ExchangeReads.of(store, accounts, cards, caller, request);
        CatalogItem item = reads.requireItem();
        knownItems.remember(county, item);
        ExchangeRules.requireAvailable(item, AccountService.number(reads.account(), "balance"));
        return exchanged(caller, reads.accountId(), item, ConditionalWrite.refusing(
                ledger.debit(county, reads.accountId(), item.points(), "spent"), insufficientPoints(item)));
    }

    private DynamoTransaction exchanged(Caller caller, String account, CatalogItem item, ConditionalWrite debit) {
        Exchange exchange = ExchangeRules.opened(UUID.randomUUID().toString(), account, item, ConfirmationCode.generate(),
                CountyTime.now(clock));
        Map<String, AttributeValue> record = new HashMap<>(DynamoStore.key(Exchange.pk(caller.county(), exchange.id()), EXCHANGE));
        record.put("data", DynamoStore.document(exchange));
        record.put("status", s(exchange.status().name()));
        record.put("gsi1pk", s(Exchange.vouchersPk(caller.county())));
        record.put("gsi1sk", s(exchange.at().toInstant() + "#" + exchange.id()));
        return new DynamoTransaction(List.of(debit,
                ConditionalWrite.unconditional(ledger.countDay(caller.county(), Ledger.DayFigure.SPENT, item.points())),
                ConditionalWrite.refusing(stock(caller.county(), item.id(), -1),
                        new ApiException(TimeBankProblem.OUT_OF_STOCK, "No stock left")),
                ConditionalWrite.unconditional(ledger.entry(caller.county(), account, Entry.Kind.EXCHANGED, -item.points(),
                        new Entry.Cause(Entry.Cause.Type.EXCHANGE, exchange.id()), item.id())),
                ConditionalWrite.unconditional(TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(record)
                        .conditionExpression("attribute_not_exists(pk)")).build())),
                Reply.created(exchange));
    }

    private static ApiException insufficientPoints(CatalogItem item) {
        return new ApiException(TimeBankProblem.INSUFFICIENT_POINTS, "The balance does not cover " + item.points());
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

    private static String catalogPk(String county) {
        return "ITEMS#" + county;
    }

    static CatalogItem withStock(Map<String, AttributeValue> attributes) {
        CatalogItem item = DynamoStore.document(attributes, CatalogItem.class);
        return new CatalogItem(item.id(), item.name(), item.kind(), item.points(), DynamoStore.number(attributes, "stock"),
                item.serviceCode());
    }
}
