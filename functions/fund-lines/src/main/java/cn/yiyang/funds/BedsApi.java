package cn.yiyang.funds;

import cn.yiyang.funds.beds.BedRequests;
import cn.yiyang.funds.beds.BedService;
import cn.yiyang.funds.beds.BedViews;
import cn.yiyang.funds.beds.OccupancyService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** 一床一码: institutions' beds, admissions and discharges. */
@Singleton
class BedsApi implements ConceptApi {

    private final List<Binding> bindings;

    BedsApi(PgOperations pg, BedService beds, OccupancyService occupancies) {
        bindings = List.of(
                Binding.of(FundRoutes.REGISTER_BED, BedRequests.NewBed.class, pg.transact(beds::register))
                        .answers(201, BedViews.BedView.class)
                        .refuses(FundProblem.BEDS_PER_INSTITUTION_REACHED, FundProblem.BED_CODE_EXISTS,
                                FundProblem.NOT_AN_INSTITUTION),
                Binding.of(FundRoutes.LIST_BEDS, BedRequests.BedFilter.class, pg.query(beds::list))
                        .answers(200, BedViews.BedPage.class),
                Binding.of(FundRoutes.GET_BED, ById.class, pg.query(beds::get)).answers(200, BedViews.BedView.class),
                Binding.of(FundRoutes.ADMIT, BedRequests.Admission.class, pg.transact(occupancies::admit))
                        .answers(201, BedViews.OccupancyView.class)
                        .refuses(FundProblem.BED_OCCUPIED, FundProblem.BED_RESIDENT_INACTIVE,
                                FundProblem.MONTH_ALREADY_BATCHED, FundProblem.RESIDENT_ALREADY_IN_BED),
                Binding.of(FundRoutes.DISCHARGE, BedRequests.Discharge.class, pg.transact(occupancies::discharge))
                        .answers(200, BedViews.OccupancyView.class)
                        .refuses(FundProblem.ALREADY_DISCHARGED, FundProblem.DISCHARGE_NOT_AFTER_ADMISSION,
                                FundProblem.MONTH_ALREADY_BATCHED));
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }
}
