package cn.yiyang.funds;

import cn.yiyang.funds.settlements.NaturallyKeyed;
import cn.yiyang.funds.settlements.SettlementQueries;
import cn.yiyang.funds.settlements.SettlementRequests;
import cn.yiyang.funds.settlements.SettlementService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Settlements of served meals and completed bookings. A run is keyed by its settlement keys, one
 * transaction per item ({@link NaturallyKeyed}), so it opens its own transactions rather than one.
 */
@Singleton
class SettlementsApi implements ConceptApi {

    private final List<Binding> bindings;
    private final List<JobBinding> jobs;

    SettlementsApi(PgOperations pg, SettlementService settlements, SettlementQueries settled) {
        bindings = List.of(
                Binding.of(FundRoutes.SETTLE_MEALS, SettlementRequests.MealRun.class, NaturallyKeyed.of(settlements::runMeals)),
                Binding.of(FundRoutes.SETTLE_BOOKINGS, SettlementRequests.BookingRun.class,
                        NaturallyKeyed.of(settlements::runBookings)),
                Binding.of(FundRoutes.LIST_SETTLEMENTS, SettlementRequests.SettlementFilter.class, pg.query(settled::list)));
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
