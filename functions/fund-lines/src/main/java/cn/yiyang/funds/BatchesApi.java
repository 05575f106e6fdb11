package cn.yiyang.funds;

import cn.yiyang.funds.batches.BatchApproval;
import cn.yiyang.funds.batches.BatchPolicies;
import cn.yiyang.funds.batches.BatchPosting;
import cn.yiyang.funds.batches.BatchQueries;
import cn.yiyang.funds.batches.BatchReports;
import cn.yiyang.funds.batches.BatchRequests;
import cn.yiyang.funds.batches.BatchService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** Monthly batch disbursements (高龄津贴, 一床一码 subsidies): their policies, creation and posting job, approval and reports. */
@Singleton
class BatchesApi implements ConceptApi {

    private final List<Binding> bindings;
    private final List<JobBinding> jobs;

    BatchesApi(PgOperations pg, BatchPolicies policies, BatchService batches, BatchQueries queries, BatchApproval approval,
               BatchPosting posting) {
        bindings = List.of(
                Binding.of(FundRoutes.GET_BATCH_POLICY, BatchRequests.PolicyOf.class, pg.query(policies::read))
                        .answers(200, BatchPolicies.Versioned.class),
                Binding.of(FundRoutes.PUT_BATCH_POLICY, BatchRequests.PolicyChange.class, pg.transact(policies::put))
                        .answers(200, BatchPolicies.Versioned.class)
                        .refuses(FundProblem.MONTH_ALREADY_BATCHED),
                Binding.of(FundRoutes.CREATE_BATCH, BatchRequests.NewBatch.class, pg.transact(batches::create))
                        .answers(200, BatchReports.View.class).answers(201, BatchReports.View.class)
                        .answers(202, BatchReports.View.class)
                        .refuses(FundProblem.BATCH_EMPTY, FundProblem.BATCH_MONTH_NOT_OPEN,
                                FundProblem.BATCH_RETRIES_EXHAUSTED, FundProblem.BATCH_TOO_LARGE),
                Binding.of(FundRoutes.LIST_BATCHES, BatchRequests.BatchFilter.class, pg.query(queries::list))
                        .answers(200, BatchQueries.Page.class),
                Binding.of(FundRoutes.GET_BATCH, BatchRequests.ReportPage.class, pg.query(queries::get))
                        .answers(200, BatchReports.View.class),
                Binding.of(FundRoutes.APPROVE_BATCH, ById.class, pg.transact(approval::approve))
                        .answers(200, BatchReports.View.class)
                        .refuses(FundProblem.ALREADY_APPROVED, FundProblem.ALREADY_RESOLVED,
                                FundProblem.APPROVER_IS_MAKER, FundProblem.BATCH_NOT_CREATED),
                Binding.of(FundRoutes.CANCEL_BATCH, BatchRequests.Cancellation.class, pg.transact(approval::cancel))
                        .answers(200, BatchReports.View.class)
                        .refuses(FundProblem.ALREADY_RESOLVED, FundProblem.BATCH_NOT_CREATED));
        jobs = List.of(JobBinding.of(FundRoutes.POST_BATCHES, Handler.direct(posting::job)));
    }

    @Override
    public List<JobBinding> jobs() {
        return jobs;
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }
}
