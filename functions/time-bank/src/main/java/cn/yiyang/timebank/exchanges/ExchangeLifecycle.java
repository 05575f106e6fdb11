package cn.yiyang.timebank.exchanges;

import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private static final Set<Role> STAFF = Set.of(Role.OPERATOR, Role.PROVIDER, Role.OFFICER);

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

    public Reply get(Call call) {
        return Reply.ok(visible(call));
    }

    /**
     * Open vouchers of the county, oldest first: the hand-off list for operators and providers;
     * {@code ?voucherCode=} finds the one a resident reads out on the phone.
     */
    public Reply open(Call call) {
        Optional<String> code = call.queryParam("voucherCode").map(ConfirmationCode::normalise);
        if (code.isPresent() && !ConfirmationCode.isWellFormed(code.get())) {
            throw ApiException.invalid("voucherCode", "BAD_CODE", ConfirmationCode.LENGTH + " characters from the voucher");
        }
        List<Exchange> open = store.query(TimeBankTable.INDEX, Exchange.vouchersPk(call.county()), null, VOUCHERS_MAX, true)
                .stream().map(item -> DynamoStore.document(item, Exchange.class))
                .filter(exchange -> code.isEmpty() || code.get().equals(exchange.voucherCode())).toList();
        return Reply.ok(Map.of("exchanges", open));
    }

    public DynamoWrite cancel(Call call) {
        Exchange exchange = visible(call);
        if (!exchange.status().isOpen()) {
            throw new ApiException(TimeBankProblem.EXCHANGE_NOT_CANCELLABLE, "The exchange is " + exchange.status());
        }
        Exchange cancelled = exchange.closed(Exchange.Status.CANCELLED, null, CountyTime.now(clock), call.caller().subject());
        return new DynamoWrite(List.of(
                close(call.county(), exchange, cancelled),
                ledger.refund(call.county(), exchange.accountId(), exchange.points()),
                exchanges.stock(call.county(), exchange.itemId(), +1),
                ledger.entry(call.county(), exchange.accountId(), Entry.Kind.REFUNDED, exchange.points(),
                        new Entry.Cause(Entry.Cause.Type.REFUND, exchange.id()), exchange.itemId())),
                // Closed meanwhile (redeemed, or cancelled by another request): read again and refuse.
                Reply.ok(cancelled), reasons -> null);
    }

    /** Staff: a SERVICE voucher becomes the booking made for it; GOODS are handed over. */
    public DynamoWrite redeem(Call call) {
        Exchange.Redemption r = call.body(Exchange.Redemption.class);
        Exchange exchange = visible(call);
        if (!exchange.status().isOpen()) {
            throw new ApiException(TimeBankProblem.EXCHANGE_NOT_REDEEMABLE, "The exchange is " + exchange.status());
        }
        boolean service = exchange.kind() == CatalogItem.Kind.SERVICE;
        if (service && (r.bookingId() == null || r.bookingId().isBlank() || r.bookingId().length() > ExchangeService.ID_CHARS_MAX)) {
            throw ApiException.invalid("bookingId", "REQUIRED", "The booking made for this service voucher");
        }
        Exchange redeemed = exchange.closed(service ? Exchange.Status.BOOKED : Exchange.Status.COLLECTED,
                service ? r.bookingId() : null, CountyTime.now(clock), call.caller().subject());
        return new DynamoWrite(List.of(close(call.county(), exchange, redeemed)), Reply.ok(redeemed), reasons -> null);
    }

    private Exchange visible(Call call) {
        Exchange exchange = store.get(Exchange.pk(call.county(), call.pathParam("id")), ExchangeService.EXCHANGE)
                .map(item -> DynamoStore.document(item, Exchange.class))
                .orElseThrow(() -> ApiException.notFound("Exchange"));
        if (!call.caller().hasAny(STAFF) && !accounts.mayActFor(call, exchange.accountId())) {
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
