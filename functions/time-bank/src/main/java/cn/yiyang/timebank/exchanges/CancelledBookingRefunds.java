package cn.yiyang.timebank.exchanges;

import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.cards.bookings.BookingCard;
import cn.yiyang.cards.bookings.BookingCards;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.timebank.TimeBankStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The job that gives a voucher's points back on its own once the booking it paid is cancelled: it
 * pulls the county's cancelled booking cards not yet settled (the cards' sparse {@code by-cancellation}
 * index) and, for a card a voucher paid, cancels that voucher in one transaction: the exchange BOOKED
 * for this booking → CANCELLED (its status is the condition), points and stock back, the statement
 * entry, the refund's record keyed by the booking ({@link #refundRecord}, written only if absent), and
 * the card out of the index. Everything else a run finds (no voucher paid it; the voucher was already
 * cancelled by hand) leaves the index with nothing moved. Retries, two runs at once, a crash anywhere
 * and a cancellation by hand racing a run therefore give the points back exactly once.
 */
@ApplicationScoped
public class CancelledBookingRefunds {

    public static final String NAME = "refund-cancelled-bookings";
    /** Cancelled cards looked at per county per run; a run that reaches it says so, and the next goes on. */
    public static final int CARDS_PER_RUN_MAX = 500;
    public static final String SCHEDULE = "cron(0/10 * * * ? *)";
    public static final String REFUND = "REFUND";
    /** Who closed an exchange this job cancelled. */
    static final String BY = "booking-cancelled";

    private final TimeBankStore store;
    private final ExchangeLifecycle lifecycle;
    private final BookingCards bookings;

    public CancelledBookingRefunds(TimeBankStore store, ExchangeLifecycle lifecycle, BookingCards bookings) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.bookings = bookings;
    }

    public static Job declare(String function) {
        return new Job(function, NAME, SCHEDULE,
                "Every 10 minutes: points back for vouchers whose booking was cancelled");
    }

    enum Outcome { REFUNDED, OWED_NOTHING, LEFT_FOR_NEXT_RUN }

    /** One county's run, as the scheduler. */
    public Reply refund(Invocation<NoInput> run) {
        String county = run.county();
        OffsetDateTime now = run.receivedAt().atZone(CountyTime.ZONE).toOffsetDateTime();
        List<String> cancelled = bookings.cancelledUnsettled(county, CARDS_PER_RUN_MAX);
        Map<Outcome, Integer> outcomes = new HashMap<>();
        for (String bookingId : cancelled) {
            outcomes.merge(settle(county, bookingId, now), 1, Integer::sum);
        }
        return Reply.ok(Map.of("refunded", outcomes.getOrDefault(Outcome.REFUNDED, 0),
                "owedNothing", outcomes.getOrDefault(Outcome.OWED_NOTHING, 0),
                "leftForNextRun", outcomes.getOrDefault(Outcome.LEFT_FOR_NEXT_RUN, 0),
                "more", cancelled.size() == CARDS_PER_RUN_MAX));
    }

    private Outcome settle(String county, String bookingId, OffsetDateTime now) {
        Optional<String> payer = bookings.find(county, bookingId).filter(BookingCard::cancelled)
                .map(BookingCard::paidByExchange);
        Optional<Exchange> owed = payer.flatMap(id -> lifecycle.find(county, id)).filter(x -> owes(x, bookingId));
        if (owed.isEmpty()) {
            bookings.settleOwingNothing(county, bookingId);
            return Outcome.OWED_NOTHING;
        }
        Exchange exchange = owed.get();
        Exchange cancelled = ExchangeRules.cancelled(exchange, true, now, BY);
        List<TransactWriteItem> items = new ArrayList<>(lifecycle.cancellation(county, exchange, cancelled));
        items.add(refundRecord(store.table(), county, bookingId, exchange, now));
        items.add(bookings.settleRefunded(county, bookingId, exchange.id()));
        try {
            store.client().transactWriteItems(t -> t.transactItems(items));
            return Outcome.REFUNDED;
        } catch (TransactionCanceledException | TransactionConflictException e) {
            // Cancelled by hand or by another run meanwhile (then nothing is owed any more), or a conflict.
            boolean stillOwed = lifecycle.find(county, exchange.id()).filter(x -> owes(x, bookingId)).isPresent();
            if (stillOwed) {
                return Outcome.LEFT_FOR_NEXT_RUN;
            }
            bookings.settleOwingNothing(county, bookingId);
            return Outcome.OWED_NOTHING;
        }
    }

    private static boolean owes(Exchange exchange, String bookingId) {
        return exchange.status() == Exchange.Status.BOOKED && bookingId.equals(exchange.bookingId());
    }

    /**
     * The uniqueness record of a paid booking's refund, keyed by the booking ({@code BR#<county>#<booking>}),
     * written only if absent: by this job, or by a cancellation by hand of a BOOKED voucher. It names the
     * exchange and the points, so a booking's refund can be traced, and a second one is impossible.
     */
    static TransactWriteItem refundRecord(String table, String county, String bookingId, Exchange exchange,
                                          OffsetDateTime at) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(refundPk(county, bookingId), REFUND));
        item.put("exchangeId", s(exchange.id()));
        item.put("accountId", s(exchange.accountId()));
        item.put("points", n(exchange.points()));
        item.put("at", s(at.toString()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    public static String refundPk(String county, String bookingId) {
        return "BR#" + county + "#" + bookingId;
    }
}
