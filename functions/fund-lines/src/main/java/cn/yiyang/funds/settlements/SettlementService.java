package cn.yiyang.funds.settlements;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.lines.FundLineService;
import cn.yiyang.funds.settlements.SettlementOutcome.Result;
import cn.yiyang.funds.settlements.SettlementRequests.BookingRun;
import cn.yiyang.funds.settlements.SettlementRequests.MealRun;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.problem.UserMessages;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoTables;
import cn.yiyang.stores.pg.PgFailures;
import cn.yiyang.stores.pg.PgOperations;
import cn.yiyang.stores.pg.settlements.BookingSettlementFeed;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Settlement runs (结算): an officer's run of one past day of meals or one past month of bookings,
 * and the scheduled runs, as the platform. The feeds are read straight from their stores through the
 * shared feed code (the meals table in DynamoDB, the bookings schema in PostgreSQL, both read-only);
 * each item is then settled in a transaction of its own, so one refused item is reported and the
 * others go on. Every transfer is made PENDING by the run's maker and approved as any other (笔笔可控).
 */
@ApplicationScoped
public class SettlementService {

    private static final Logger LOG = Logger.getLogger(SettlementService.class);

    /** Items settled (transfers attempted) in one run; the rest are DEFERRED to the next run. */
    public static final int ITEMS_PER_RUN_MAX = 200;
    /** How far back a run may reach: a settlement is for this fiscal year or the one before. */
    public static final int PERIOD_AGE_DAYS_MAX = 400;
    /** The daily meal job settles the days from yesterday back this far, so a missed night heals. */
    public static final int MEAL_JOB_DAYS_BACK = 7;
    /** Settlements of one feed key (the first and those settling a rejected or expired one again). */
    public static final int SETTLEMENT_ATTEMPTS_MAX = 10;
    /** PostgreSQL's "undefined table": the bookings schema is not there (service-bookings never started). */
    private static final String UNDEFINED_TABLE = "42P01";

    private final PgOperations pg;
    private final SettlementLedger ledger;
    private final MealSettlementFeed meals;
    private final Clock clock;

    public SettlementService(PgOperations pg, SettlementLedger ledger, DynamoDbClient dynamo, DynamoTables tables,
                             MealFeedTable mealTable, Clock clock) {
        this.pg = pg;
        this.ledger = ledger;
        this.meals = new MealSettlementFeed(dynamo, tables.physicalName(mealTable));
        this.clock = clock;
    }

    /** An officer's run of one past day of meals. */
    public Reply runMeals(Caller caller, MealRun request) {
        LocalDate date = pastDay(request.date());
        return Reply.ok(settleMeals(caller, date, new int[] {ITEMS_PER_RUN_MAX}, true));
    }

    /** An officer's run of one past month of bookings. */
    public Reply runBookings(Caller caller, BookingRun request) {
        YearMonth month = pastMonth(request.month());
        return Reply.ok(settleBookings(caller, month, new int[] {ITEMS_PER_RUN_MAX}, true));
    }

    /** Daily, as the platform: yesterday's meals and the six days before (already settled days cost one read). */
    public Reply mealJob(Caller scheduler, NoInput none) {
        LocalDate today = CountyTime.today(clock);
        int[] budget = {ITEMS_PER_RUN_MAX};
        List<SettlementReport> runs = new ArrayList<>();
        for (int back = 1; back <= MEAL_JOB_DAYS_BACK; back++) {
            runs.add(settleMeals(scheduler, today.minusDays(back), budget, false));
        }
        return Reply.ok(new SettlementReport.Runs(runs));
    }

    /** Monthly, as the platform: last month's bookings. */
    public Reply bookingJob(Caller scheduler, NoInput none) {
        return Reply.ok(new SettlementReport.Runs(List.of(
                settleBookings(scheduler, YearMonth.from(CountyTime.today(clock)).minusMonths(1), new int[] {ITEMS_PER_RUN_MAX},
                        false))));
    }

    private SettlementReport settleMeals(Caller caller, LocalDate date, int[] budget, boolean settleAgain) {
        List<SettlementItem> items;
        try {
            items = meals.day(caller.county(), date).stream().map(SettlementItem::of).toList();
        } catch (SdkException e) {
            LOG.warnf("meal feed unreadable: %s", e.getClass().getSimpleName());
            throw new ApiException(FundProblem.SETTLEMENT_FEED_UNAVAILABLE, "The meal settlement feed cannot be read");
        }
        return settle(caller, SettlementKind.MEAL, date.toString(), date.getYear(), items, budget, settleAgain,
                item -> item.withLines(servedMeals(caller.county(), item.payeeRef(), date)));
    }

    private List<SettlementItem.Line> servedMeals(String county, String mealPointId, LocalDate date) {
        try {
            return meals.servedMeals(county, mealPointId, date).stream().map(SettlementItem.Line::of).toList();
        } catch (SdkException e) {
            LOG.warnf("meal orders unreadable: %s", e.getClass().getSimpleName());
            throw new ApiException(FundProblem.SETTLEMENT_FEED_UNAVAILABLE, "The meal orders behind a settlement cannot be read");
        }
    }

    private SettlementReport settleBookings(Caller caller, YearMonth month, int[] budget, boolean settleAgain) {
        List<SettlementItem> items;
        try {
            items = new ArrayList<>(pg.inSession(() -> BookingSettlementFeed.month(caller.county(), month)).stream()
                    .map(SettlementItem::of).toList());
            items.addAll(pg.inSession(() -> ReleasedVisits.ofMonth(caller.county(), month)));
        } catch (RuntimeException e) {
            if (!PgFailures.is(e, UNDEFINED_TABLE)) {
                throw e;
            }
            throw new ApiException(FundProblem.SETTLEMENT_FEED_UNAVAILABLE, "The booking settlement feed does not exist yet");
        }
        return settle(caller, SettlementKind.BOOKING, month.toString(), month.getYear(), items, budget, settleAgain,
                item -> pg.inSession(() -> BookingLines.paying(caller.county(), item, month)));
    }

    /**
     * Settles the feed's items in key order; {@code complete} reads the meals or visits of an item about to be
     * settled. A settlement rejected or expired is settled again by an officer's run ({@code settleAgain}),
     * never by the schedule, so a rejection is not undone overnight.
     */
    private SettlementReport settle(Caller caller, SettlementKind kind, String period, int fiscalYear, List<SettlementItem> feed,
                                    int[] budget, boolean settleAgain, UnaryOperator<SettlementItem> complete) {
        String county = caller.county();
        try {
            pg.inSession(() -> FundLineService.find(county, kind.fundLine()));
        } catch (ApiException e) {
            if (e.code() != CommonProblem.NOT_FOUND) {
                throw e;
            }
            throw new ApiException(FundProblem.SETTLEMENT_FUND_LINE_MISSING, "The county has no " + kind.fundLine() + " fund line");
        }
        Map<String, Settled> settled = pg.inSession(() -> ledger.settledIn(county, kind, period));
        List<SettlementOutcome> outcomes = new ArrayList<>();
        for (SettlementItem item : feed.stream().sorted(Comparator.comparing(SettlementItem::settlementKey)).toList()) {
            Settled earlier = settled.get(item.settlementKey());
            boolean again = earlier != null && settleAgain && earlier.settlesAgain() && earlier.attempts() < SETTLEMENT_ATTEMPTS_MAX;
            if (earlier != null && !again) {
                outcomes.add(SettlementOutcome.settled(item, Result.ALREADY_SETTLED, earlier));
            } else if (item.amountFen() <= 0) {
                outcomes.add(SettlementOutcome.of(item, Result.NOTHING_TO_PAY));
            } else if (budget[0] <= 0) {
                outcomes.add(SettlementOutcome.of(item, Result.DEFERRED));
            } else {
                budget[0]--;
                SettlementItem whole = complete.apply(again ? item.settlingAgain(earlier, earlier.attempts() + 1) : item);
                outcomes.add(whole.amountFen() <= 0 ? SettlementOutcome.of(whole, Result.NOTHING_TO_PAY)
                        : settleOne(caller, kind, period, fiscalYear, whole));
            }
        }
        return SettlementReport.of(kind, period, fiscalYear, outcomes);
    }

    private SettlementOutcome settleOne(Caller caller, SettlementKind kind, String period, int fiscalYear, SettlementItem item) {
        OffsetDateTime now = CountyTime.now(clock);
        Supplier<io.smallrye.mutiny.Uni<SettlementOutcome>> work = () -> ledger.settle(caller, kind, period, fiscalYear, item, now);
        try {
            return pg.inTransaction(work);
        } catch (ApiException e) {
            if (e.code().httpStatus() >= 500) {
                // The store is down: no point trying the next item; the whole run answers (and is retried).
                throw e;
            }
            // Refused: the item's transaction rolled back whole; the run goes on with the next item.
            return SettlementOutcome.refused(item, e.code().name(), UserMessages.of(e.code()));
        }
    }

    private LocalDate pastDay(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "BAD_DATE", "A date YYYY-MM-DD");
        }
        LocalDate today = CountyTime.today(clock);
        if (!date.isBefore(today)) {
            throw new ApiException(FundProblem.SETTLEMENT_PERIOD_NOT_OVER, "Meals are settled once their day is over");
        }
        if (date.isBefore(today.minusDays(PERIOD_AGE_DAYS_MAX))) {
            throw ApiException.invalid("date", "TOO_OLD", "At most " + PERIOD_AGE_DAYS_MAX + " days back");
        }
        return date;
    }

    private YearMonth pastMonth(String text) {
        YearMonth month;
        try {
            month = YearMonth.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("month", "BAD_MONTH", "A month YYYY-MM");
        }
        LocalDate today = CountyTime.today(clock);
        if (!month.isBefore(YearMonth.from(today))) {
            throw new ApiException(FundProblem.SETTLEMENT_PERIOD_NOT_OVER, "Bookings are settled once their month is over");
        }
        if (month.atEndOfMonth().isBefore(today.minusDays(PERIOD_AGE_DAYS_MAX))) {
            throw ApiException.invalid("month", "TOO_OLD", "At most " + PERIOD_AGE_DAYS_MAX + " days back");
        }
        return month;
    }
}
