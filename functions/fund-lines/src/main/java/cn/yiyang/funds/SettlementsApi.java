package cn.yiyang.funds;

import cn.yiyang.funds.settlements.HeldVisits;
import cn.yiyang.funds.settlements.SettlementQueries;
import cn.yiyang.funds.settlements.SettlementReport;
import cn.yiyang.funds.settlements.SettlementRequests;
import cn.yiyang.funds.settlements.SettlementService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Settlements of served meals and completed bookings. A run commits one transaction per item (each
 * keyed by its settlement key), so its Idempotency-Key is claimed before and answered after the run
 * ({@link PgOperations#transactInSteps}): a duplicate gets the first answer, never ALREADY_SETTLED.
 */
@Singleton
class SettlementsApi implements ConceptApi {

    private final List<Binding> bindings;
    private final List<JobBinding> jobs;

    SettlementsApi(PgOperations pg, SettlementService settlements, SettlementQueries settled, HeldVisits held) {
        bindings = List.of(
                Binding.of(FundRoutes.SETTLE_MEALS, SettlementRequests.MealRun.class, pg.transactInSteps(settlements::runMeals))
                        .answers(200, SettlementReport.class)
                        .refuses(FundProblem.EXISTS_WITH_DIFFERENT_FIELDS, FundProblem.INSUFFICIENT_FUNDS,
                                FundProblem.SETTLEMENT_ITEMS_MISMATCH,
                                FundProblem.SETTLEMENT_FEED_UNAVAILABLE, FundProblem.SETTLEMENT_FUND_LINE_MISSING,
                                FundProblem.SETTLEMENT_ITEM_INVALID, FundProblem.SETTLEMENT_KEY_TAKEN,
                                FundProblem.SETTLEMENT_PERIOD_NOT_OVER),
                Binding.of(FundRoutes.SETTLE_BOOKINGS, SettlementRequests.BookingRun.class,
                        pg.transactInSteps(settlements::runBookings)).answers(200, SettlementReport.class)
                        .refuses(FundProblem.EXISTS_WITH_DIFFERENT_FIELDS, FundProblem.INSUFFICIENT_FUNDS,
                                FundProblem.SETTLEMENT_ITEMS_MISMATCH,
                                FundProblem.SETTLEMENT_FEED_UNAVAILABLE, FundProblem.SETTLEMENT_FUND_LINE_MISSING,
                                FundProblem.SETTLEMENT_ITEM_INVALID, FundProblem.SETTLEMENT_KEY_TAKEN,
                                FundProblem.SETTLEMENT_PERIOD_NOT_OVER),
                Binding.of(FundRoutes.LIST_SETTLEMENTS, SettlementRequests.SettlementFilter.class, pg.query(settled::list))
                        .answers(200, SettlementQueries.Page.class),
                Binding.of(FundRoutes.LIST_HELD_VISITS, SettlementRequests.HeldVisitsOfMonth.class, pg.query(held::list))
                        .answers(200, HeldVisits.Page.class),
                Binding.of(FundRoutes.RELEASE_VISIT, SettlementRequests.VisitDecision.class, pg.transact(held::release))
                        .answers(200, HeldVisits.HeldVisit.class)
                        .refuses(FundProblem.VISIT_ALREADY_DECIDED, FundProblem.VISIT_NOT_HELD),
                Binding.of(FundRoutes.REJECT_VISIT, SettlementRequests.VisitDecision.class, pg.transact(held::reject))
                        .answers(200, HeldVisits.HeldVisit.class)
                        .refuses(FundProblem.VISIT_ALREADY_DECIDED, FundProblem.VISIT_NOT_HELD));
        jobs = List.of(
                JobBinding.of(FundRoutes.SETTLE_MEALS_DAILY, Handler.direct(settlements::mealJob)),
                JobBinding.of(FundRoutes.SETTLE_BOOKINGS_MONTHLY, Handler.direct(settlements::bookingJob)));
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }

    @Override
    public List<JobBinding> jobs() {
        return jobs;
    }
}
