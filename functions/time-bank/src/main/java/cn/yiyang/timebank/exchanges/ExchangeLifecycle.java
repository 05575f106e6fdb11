package cn.yiyang.timebank.exchanges;

import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.TimeBankTable;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.accounts.Entry;
import cn.yiyang.timebank.accounts.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What happens to an exchange after it is made: the open vouchers the bookings side works from,
 * redemption (a booking made, goods handed over), and cancellation, which puts the points and the
 * stock back exactly once: the exchange's status is the condition, so a second cancellation, or a
 * redemption racing it, finds it closed.
 */
@ApplicationScoped
public class ExchangeLifecycle {

    public static final int VOUCHERS_MAX = 200;

    private final TimeBankStore store;
    private final AccountService accounts;
    private final ExchangeService exchanges;
    private final Ledger ledger;
    private final Clock clock;

    public ExchangeLifecycle(TimeBankStore store, AccountService accounts, ExchangeService exchanges, Ledger ledger,
                             Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.exchanges = exchanges;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Reply get(Caller caller, ById request) {
        return Reply.ok(visible(caller, request.id()));
    }

    /**
     * Open vouchers of the county, oldest first: the hand-off list for operators and providers;
     * {@code ?voucherCode=} finds the one a resident reads out on the phone.
     */
    public Reply open(Caller caller, ExchangeRequests.OpenVouchers request) {
        Optional<String> code = Optional.ofNullable(request.voucherCode()).map(ConfirmationCode::normalise);
        if (code.isPresent() && !ConfirmationCode.isWellFormed(code.get())) {
            throw ApiException.invalid("voucherCode", "BAD_CODE", ConfirmationCode.LENGTH + " characters from the voucher");
        }
        List<Exchange> open = store.query(TimeBankTable.INDEX, Exchange.vouchersPk(caller.county()), null, VOUCHERS_MAX, true)
                .stream().map(item -> DynamoStore.document(item, Exchange.class))
                .filter(exchange -> code.isEmpty() || code.get().equals(exchange.voucherCode())).toList();
        return Reply.ok(new Exchange.Vouchers(open));
    }

    public DynamoTransaction cancel(Caller caller, ById request) {
        Exchange exchange = visible(caller, request.id());
        Exchange cancelled = ExchangeRules.cancelled(exchange, CountyTime.now(clock), caller.subject());
        String county = caller.county();
        return new DynamoTransaction(List.of(
                // Closed meanwhile (redeemed, or cancelled by another request): read again and refuse.
                ConditionalWrite.recomputing(close(county, exchange, cancelled)),
                ConditionalWrite.unconditional(ledger.refund(county, exchange.accountId(), exchange.points())),
                ConditionalWrite.unconditional(exchanges.stock(county, exchange.itemId(), +1)),
                ConditionalWrite.unconditional(ledger.entry(county, exchange.accountId(), Entry.Kind.REFUNDED,
                        exchange.points(), new Entry.Cause(Entry.Cause.Type.REFUND, exchange.id()), exchange.itemId()))),
                Reply.ok(cancelled));
    }

    /** Staff: a SERVICE voucher becomes the booking made for it; GOODS are handed over. */
    public DynamoTransaction redeem(Caller caller, ExchangeRequests.Redeem request) {
        Exchange exchange = visible(caller, request.id());
        Exchange redeemed = ExchangeRules.redeemed(exchange, request.bookingId(), CountyTime.now(clock), caller.subject());
        return new DynamoTransaction(List.of(ConditionalWrite.recomputing(close(caller.county(), exchange, redeemed))),
                Reply.ok(redeemed));
    }

    private Exchange visible(Caller caller, String id) {
        Exchange exchange = store.get(Exchange.pk(caller.county(), id), ExchangeService.EXCHANGE)
                .map(item -> DynamoStore.document(item, Exchange.class))
                .orElseThrow(() -> ApiException.notFound("Exchange"));
        if (!ExchangeRules.maySee(caller, () -> accounts.mayActFor(caller, exchange.accountId()))) {
            throw ApiException.notFound("Exchange");
        }
        return exchange;
    }

    private TransactWriteItem close(String county, Exchange from, Exchange to) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(Exchange.pk(county, from.id()), ExchangeService.EXCHANGE))
                .updateExpression("SET #data = :data, #status = :to REMOVE gsi1pk, gsi1sk")
                .conditionExpression("#status = :seen")
                .expressionAttributeNames(Map.of("#data", "data", "#status", "status"))
                .expressionAttributeValues(Map.of(":data", DynamoStore.document(to), ":to", s(to.status().name()),
                        ":seen", s(from.status().name())))).build();
    }
}
