package cn.yiyang.funds;

import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditVerifier;
import cn.yiyang.funds.batches.BatchApproval;
import cn.yiyang.funds.batches.BatchPolicies;
import cn.yiyang.funds.batches.BatchQueries;
import cn.yiyang.funds.batches.BatchService;
import cn.yiyang.funds.beds.BedService;
import cn.yiyang.funds.beds.OccupancyService;
import cn.yiyang.funds.ledger.ApprovalService;
import cn.yiyang.funds.ledger.TransferQueries;
import cn.yiyang.funds.ledger.TransferService;
import cn.yiyang.funds.lines.FundLineService;
import cn.yiyang.funds.lines.FundSettings;
import cn.yiyang.funds.reports.ReportService;
import cn.yiyang.funds.settlements.SettlementQueries;
import cn.yiyang.funds.settlements.SettlementService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;

/**
 * Binds each declared fund-lines route to its operation. Transfers are keyed by their own rows
 * ({@code writeOwnRecord}); settlement runs by their settlement keys, one transaction per item.
 */
@Singleton
public class FundApi extends DeclaredApi {

    public FundApi(IdempotencyPurge purge, PgOperations pg, FundLineService lines, FundSettings settings,
                   AccountService accounts, TransferService transfers, ApprovalService approvals, TransferQueries queries,
                   AuditVerifier audit, ReportService reports, BatchPolicies policies, BatchService batches,
                   BatchQueries batchQueries, BatchApproval batchApproval, BedService beds, OccupancyService occupancies,
                   SettlementService settlements, SettlementQueries settled) {
        super(FundRoutes.ALL,
                Binding.of(FundRoutes.INSTALL_LINES, pg.write(lines::installDefaults)),
                Binding.of(FundRoutes.CREATE_LINE, pg.write(lines::create)),
                Binding.of(FundRoutes.LIST_LINES, pg.read(lines::list)),
                Binding.of(FundRoutes.GET_SETTINGS, pg.read(settings::read)),
                Binding.of(FundRoutes.PUT_SETTINGS, pg.write(settings::put)),
                Binding.of(FundRoutes.OPEN_ACCOUNT, pg.write(accounts::openPayee)),
                Binding.of(FundRoutes.LIST_ACCOUNTS, pg.read(accounts::list)),
                Binding.of(FundRoutes.GET_ACCOUNT, pg.read(accounts::get)),
                Binding.of(FundRoutes.APPROPRIATE, pg.writeOwnRecord(transfers::appropriate)),
                Binding.of(FundRoutes.CREATE_TRANSFER, pg.writeOwnRecord(transfers::pay)),
                Binding.of(FundRoutes.LIST_TRANSFERS, pg.read(queries::list)),
                Binding.of(FundRoutes.GET_TRANSFER, pg.read(queries::get)),
                Binding.of(FundRoutes.TRACE_TRANSFER, pg.read(reports::trace)),
                Binding.of(FundRoutes.APPROVE, pg.write(approvals::approve)),
                Binding.of(FundRoutes.REJECT, pg.write(approvals::reject)),
                Binding.of(FundRoutes.VOID, pg.write(approvals::voidTransfer)),
                Binding.of(FundRoutes.REVERSE, pg.writeOwnRecord(transfers::reverse)),
                Binding.of(FundRoutes.AUDIT, pg.read(audit::list)),
                Binding.of(FundRoutes.AUDIT_VERIFY, pg.read(audit::verify)),
                Binding.of(FundRoutes.REPORT_LINES, pg.read(reports::lines)),
                Binding.of(FundRoutes.REPORT_PAYEES, pg.read(reports::payees)),
                Binding.of(FundRoutes.EXPORT_TRANSFERS, pg.read(reports::exportCsv)),
                Binding.of(FundRoutes.GET_BATCH_POLICY, pg.read(policies::read)),
                Binding.of(FundRoutes.PUT_BATCH_POLICY, pg.write(policies::put)),
                Binding.of(FundRoutes.CREATE_BATCH, pg.write(batches::create)),
                Binding.of(FundRoutes.LIST_BATCHES, pg.read(batchQueries::list)),
                Binding.of(FundRoutes.GET_BATCH, pg.read(batchQueries::get)),
                Binding.of(FundRoutes.APPROVE_BATCH, pg.write(batchApproval::approve)),
                Binding.of(FundRoutes.CANCEL_BATCH, pg.write(batchApproval::cancel)),
                Binding.of(FundRoutes.REGISTER_BED, pg.write(beds::register)),
                Binding.of(FundRoutes.LIST_BEDS, pg.read(beds::list)),
                Binding.of(FundRoutes.GET_BED, pg.read(beds::get)),
                Binding.of(FundRoutes.ADMIT, pg.write(occupancies::admit)),
                Binding.of(FundRoutes.DISCHARGE, pg.write(occupancies::discharge)),
                Binding.of(FundRoutes.SETTLE_MEALS, settlements.mealRun()),
                Binding.of(FundRoutes.SETTLE_BOOKINGS, settlements.bookingRun()),
                Binding.of(FundRoutes.LIST_SETTLEMENTS, pg.read(settled::list)));
        runs(new JobBinding(FundRoutes.EXPIRE_PENDING, pg.write(approvals::expire)),
                JobBinding.of(FundRoutes.PURGE_IDEMPOTENCY, purge.handler(FundRoutes.PURGE_IDEMPOTENCY)),
                new JobBinding(FundRoutes.SETTLE_MEALS_DAILY, settlements.mealJob()),
                new JobBinding(FundRoutes.SETTLE_BOOKINGS_MONTHLY, settlements.bookingJob()));
    }
}
