package cn.yiyang.funds;

import cn.yiyang.funds.beds.BedRequests;
import cn.yiyang.funds.beds.BedService;
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
                Binding.of(FundRoutes.REGISTER_BED, BedRequests.NewBed.class, pg.transact(beds::register)),
                Binding.of(FundRoutes.LIST_BEDS, BedRequests.BedFilter.class, pg.query(beds::list)),
                Binding.of(FundRoutes.GET_BED, ById.class, pg.query(beds::get)),
                Binding.of(FundRoutes.ADMIT, BedRequests.Admission.class, pg.transact(occupancies::admit)),
                Binding.of(FundRoutes.DISCHARGE, BedRequests.Discharge.class, pg.transact(occupancies::discharge)));
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }
}
