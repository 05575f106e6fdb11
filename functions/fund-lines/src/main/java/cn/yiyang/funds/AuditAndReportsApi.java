package cn.yiyang.funds;

import cn.yiyang.funds.audit.AuditCheckpoints;
import cn.yiyang.funds.audit.AuditRequests;
import cn.yiyang.funds.audit.AuditVerifier;
import cn.yiyang.funds.reports.BudgetBurn;
import cn.yiyang.funds.reports.ReportRequests;
import cn.yiyang.funds.reports.ReportService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** What officers and auditors read: the audit trail and its verification (and the job that signs its checkpoints), reports, a transfer's trace, the CSV export. */
@Singleton
class AuditAndReportsApi implements ConceptApi {

    private final List<Binding> bindings;

    private final List<JobBinding> jobs;

    AuditAndReportsApi(PgOperations pg, AuditVerifier audit, AuditCheckpoints checkpoints, ReportService reports, BudgetBurn burn) {
        bindings = List.of(
                Binding.of(FundRoutes.AUDIT, AuditRequests.EntriesAfter.class, pg.query(audit::list))
                        .answers(200, AuditVerifier.EntryPage.class),
                Binding.of(FundRoutes.AUDIT_VERIFY, AuditRequests.Verify.class, pg.query(audit::verify))
                        .answers(200, AuditVerifier.Verification.class),
                Binding.of(FundRoutes.TRACE_TRANSFER, ById.class, pg.query(reports::trace))
                        .answers(200, ReportService.Trace.class),
                Binding.of(FundRoutes.REPORT_LINES, ReportRequests.LinesOfYear.class, pg.query(reports::lines))
                        .answers(200, ReportService.LineReports.class),
                Binding.of(FundRoutes.REPORT_BURN, ReportRequests.LinesOfYear.class, pg.query(burn::burn))
                        .answers(200, BudgetBurn.Burn.class),
                Binding.of(FundRoutes.REPORT_PAYEES, pg.query(reports::payees))
                        .answers(200, ReportService.PayeeReports.class),
                Binding.of(FundRoutes.EXPORT_TRANSFERS, ReportRequests.TransfersOfMonth.class, pg.query(reports::exportCsv))
                        .answersText(200, "text/csv"));
        jobs = List.of(JobBinding.of(FundRoutes.CHECKPOINT_AUDIT, pg.transact(checkpoints::write)));
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
