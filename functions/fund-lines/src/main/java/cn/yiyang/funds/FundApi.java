package cn.yiyang.funds;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.stores.pg.IdempotencyPurge;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fund-lines API: each concept binds its own routes and jobs (lines and accounts, transfers,
 * audit and reports, batches, beds, settlements, payout, caregiver posts); this joins them under the one route declaration,
 * which checks that every declared route is bound exactly once. One constructor only: with two,
 * CDI finds no bean constructor and the function would serve no route.
 */
@Singleton
public class FundApi extends DeclaredApi {

    public FundApi(IdempotencyPurge purge, LinesAndAccountsApi lines, TransfersApi transfers, AuditAndReportsApi reports,
                   BatchesApi batches, BedsApi beds, SettlementsApi settlements, PayoutApi payout, CaregiversApi caregivers) {
        super(FundRoutes.ALL, Stream.of(lines, transfers, reports, batches, beds, settlements, payout, caregivers)
                .flatMap(part -> part.bindings().stream()).toArray(Binding[]::new));
        List<JobBinding> jobs = new ArrayList<>();
        Stream.of(lines, transfers, reports, batches, beds, settlements).forEach(part -> jobs.addAll(part.jobs()));
        jobs.add(JobBinding.of(FundRoutes.PURGE_IDEMPOTENCY, purge.handler(FundRoutes.PURGE_IDEMPOTENCY)));
        runs(jobs.toArray(JobBinding[]::new));
    }
}
