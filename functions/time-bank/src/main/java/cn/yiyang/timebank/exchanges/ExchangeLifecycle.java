package cn.yiyang.timebank.exchanges;

import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.bookings.BookingCard;
import cn.yiyang.cards.bookings.BookingCards;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
    private final BookingCards bookings;
    private final Clock clock;

    public ExchangeLifecycle(TimeBankStore store, AccountService accounts, ExchangeService exchanges, Ledger ledger,
                             BookingCards bookings, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.exchanges = exchanges;
        this.ledger = ledger;
        this.bookings = bookings;
        this.clock = clock;
    }

    public Reply get(Caller caller, ById request) {
        return Reply.ok(visible(caller, request.id(), Action.READ));
    }

    /**
     * Open vouchers of the county, oldest first: the hand-off list for operators and providers;
     * {@code ?voucherCode=} finds the one a resident reads out on the phone.
     */
    public Reply open(Caller caller, ExchangeRequests.OpenVouchers request) {
        Optional<String> code = Optional.ofNullable(request.voucherCode()).map(ConfirmationCode::normalise);
        // A provider browses no list: it finds the voucher whose code the resident gave it.
        if (code.isEmpty() && !AccessTable.reaches(caller, ObjectKind.EXCHANGE, Action.READ, role -> false)) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter 'voucherCode' is required");
        }
        if (code.isPresent() && !ConfirmationCode.isWellFormed(code.get())) {
            throw ApiException.invalid("voucherCode", "BAD_CODE", ConfirmationCode.LENGTH + " characters from the voucher");
        }
        List<Exchange> open = store.query(TimeBankTable.INDEX, Exchange.vouchersPk(caller.county()), null, VOUCHERS_MAX, true)
                .stream().map(item -> DynamoStore.document(item, Exchange.class))
                .filter(exchange -> code.isEmpty() || code.get().equals(exchange.voucherCode())).toList();
        return Reply.ok(new Exchange.Vouchers(open));
    }

    public DynamoTransaction cancel(Caller caller, ById request) {
        Exchange exchange = visible(caller, request.id(), Action.ACT);
        boolean bookingCancelled = exchange.status() == Exchange.Status.BOOKED
                && bookings.find(caller.county(), exchange.bookingId())
                        .map(card -> card.cancelled() && exchange.id().equals(card.paidByExchange())).orElse(false);
        OffsetDateTime now = CountyTime.now(clock);
        Exchange cancelled = ExchangeRules.cancelled(exchange, bookingCancelled, now, caller.subject());
        String county = caller.county();
        List<TransactWriteItem> items = cancellation(county, exchange, cancelled);
        // Closed meanwhile (redeemed, or cancelled by another request or the refund job): read again and refuse.
        List<ConditionalWrite> writes = new ArrayList<>(List.of(ConditionalWrite.recomputing(items.get(0))));
        items.subList(1, items.size()).forEach(item -> writes.add(ConditionalWrite.unconditional(item)));
        if (bookingCancelled) {
            writes.add(ConditionalWrite.recomputing(CancelledBookingRefunds.refundRecord(store.table(), county,
                    exchange.bookingId(), exchange, now)));
        }
        return new DynamoTransaction(writes, Reply.ok(cancelled));
    }

    /**
     * The items that cancel an exchange and put its points and stock back, the exchange first (its
     * condition: the status as seen, so only one cancellation ever lands); the others cannot fail.
     */
    List<TransactWriteItem> cancellation(String county, Exchange exchange, Exchange cancelled) {
        return List.of(close(county, exchange, cancelled),
                ledger.refund(county, exchange.accountId(), exchange.points()),
                ledger.countDay(county, Ledger.DayFigure.REFUNDED, exchange.points()),
                exchanges.stock(county, exchange.itemId(), +1),
                ledger.entry(county, exchange.accountId(), Entry.Kind.REFUNDED, exchange.points(),
                        new Entry.Cause(Entry.Cause.Type.REFUND, exchange.id()), exchange.itemId()));
    }

    /** An exchange as stored (strongly consistent), whoever may see it. */
    Optional<Exchange> find(String county, String id) {
        return store.get(Exchange.pk(county, id), ExchangeService.EXCHANGE)
                .map(item -> DynamoStore.document(item, Exchange.class));
    }

    /**
     * Staff: a SERVICE voucher pays the booking made for it, marked on the booking's card in the same
     * transaction (a race with the booking's next step, or with another voucher, reads again and
     * decides anew); GOODS are handed over. A provider redeems only with one of its own bookings.
     */
    public DynamoTransaction redeem(Caller caller, ExchangeRequests.Redeem request) {
        Exchange exchange = visible(caller, request.id(), Action.ACT);
        Exchange redeemed = ExchangeRules.redeemed(exchange, request.bookingId(), CountyTime.now(clock), caller.subject());
        List<ConditionalWrite> writes = new ArrayList<>(List.of(ConditionalWrite.recomputing(close(caller.county(), exchange, redeemed))));
        if (redeemed.status() == Exchange.Status.BOOKED) {
            BookingCard booking = bookings.find(caller.county(), redeemed.bookingId()).filter(BookingCard::isPublished)
                    .filter(card -> AccessTable.reaches(caller, ObjectKind.EXCHANGE, Action.ACT,
                            role -> role != Role.PROVIDER || caller.actsFor(Role.PROVIDER, card.providerId())))
                    .orElseThrow(() -> ApiException.notFound("Booking"));
            ExchangeRules.requirePayable(exchange, accounts.residentOf(caller.county(), exchange.accountId()), booking);
            writes.add(ConditionalWrite.recomputing(bookings.pay(caller.county(), booking.bookingId(), exchange.id(),
                    booking.residentId(), booking.serviceCode())));
        }
        return new DynamoTransaction(writes, Reply.ok(redeemed));
    }

    private Exchange visible(Caller caller, String id, Action action) {
        Exchange exchange = find(caller.county(), id).orElseThrow(() -> ApiException.notFound("Exchange"));
        if (!ExchangeRules.reaches(caller, action, exchange,
                () -> accounts.mayActFor(caller, exchange.accountId(), ObjectKind.EXCHANGE, action))) {
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
