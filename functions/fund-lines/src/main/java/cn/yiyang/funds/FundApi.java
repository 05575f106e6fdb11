package cn.yiyang.funds;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.stores.pg.IdempotencyPurge;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The fund-lines API: each concept binds its own routes and jobs (lines and accounts, transfers,
 * audit and reports, batches, beds, settlements); this joins them under the one route declaration,
 * which checks that every declared route is bound exactly once.
 */
@Singleton
public class FundApi extends DeclaredApi {

    public FundApi(IdempotencyPurge purge, LinesAndAccountsApi lines, TransfersApi transfers, AuditAndReportsApi reports,
                   BatchesApi batches, BedsApi beds, SettlementsApi settlements) {
        this(purge, List.of(lines, transfers, reports, batches, beds, settlements));
    }

    private FundApi(IdempotencyPurge purge, List<ConceptApi> parts) {
        super(FundRoutes.ALL, parts.stream().flatMap(p -> p.bindings().stream()).toArray(Binding[]::new));
        List<JobBinding> jobs = new ArrayList<>();
        parts.forEach(p -> jobs.addAll(p.jobs()));
        jobs.add(JobBinding.of(FundRoutes.PURGE_IDEMPOTENCY, purge.handler(FundRoutes.PURGE_IDEMPOTENCY)));
        runs(jobs.toArray(JobBinding[]::new));
    }
}
