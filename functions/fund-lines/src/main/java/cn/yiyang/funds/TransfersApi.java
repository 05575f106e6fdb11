package cn.yiyang.funds;

import cn.yiyang.funds.ledger.ApprovalService;
import cn.yiyang.funds.ledger.TransferQueries;
import cn.yiyang.funds.ledger.TransferRequests;
import cn.yiyang.funds.ledger.TransferService;
import cn.yiyang.funds.ledger.TransferView;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Transfers and their approvals. A transfer is keyed by its own row for as long as the ledger lives
 * ({@code transactOwnRecord}); approving, rejecting and voiding are ordinary keyed transactions.
 */
@Singleton
class TransfersApi implements ConceptApi {

    private final List<Binding> bindings;
    private final List<JobBinding> jobs;

    TransfersApi(PgOperations pg, TransferService transfers, ApprovalService approvals, TransferQueries queries) {
        bindings = List.of(
                Binding.of(FundRoutes.APPROPRIATE, TransferRequests.Appropriation.class, pg.transactOwnRecord(transfers::appropriate))
                        .answers(201, TransferView.class)
                        .refuses(FundProblem.EXISTS_WITH_DIFFERENT_AMOUNT,
                                FundProblem.EXISTS_WITH_DIFFERENT_FIELDS, FundProblem.FUND_LINE_MISMATCH,
                                FundProblem.INSUFFICIENT_FUNDS, FundProblem.SAME_ACCOUNT,
                                FundProblem.SOURCE_NOT_PAYABLE),
                Binding.of(FundRoutes.CREATE_TRANSFER, TransferRequests.Payment.class, pg.transactOwnRecordPipelined(transfers::pay))
                        .answers(201, TransferView.class)
                        .refuses(FundProblem.EXISTS_WITH_DIFFERENT_AMOUNT,
                                FundProblem.EXISTS_WITH_DIFFERENT_FIELDS, FundProblem.FUND_LINE_MISMATCH,
                                FundProblem.INSUFFICIENT_FUNDS, FundProblem.SAME_ACCOUNT,
                                FundProblem.SOURCE_NOT_PAYABLE),
                Binding.of(FundRoutes.REVERSE, TransferRequests.Reversal.class, pg.transactOwnRecord(transfers::reverse))
                        .answers(201, TransferView.class)
                        .refuses(FundProblem.ALREADY_REVERSED,
                                FundProblem.EXISTS_WITH_DIFFERENT_AMOUNT, FundProblem.EXISTS_WITH_DIFFERENT_FIELDS,
                                FundProblem.INSUFFICIENT_FUNDS, FundProblem.TRANSFER_NOT_POSTED),
                Binding.of(FundRoutes.LIST_TRANSFERS, TransferRequests.TransferFilter.class, pg.query(queries::list))
                        .answers(200, TransferView.Page.class),
                Binding.of(FundRoutes.GET_TRANSFER, ById.class, pg.query(queries::get))
                        .answers(200, TransferView.class),
                Binding.of(FundRoutes.APPROVE, ById.class, pg.transactPipelined(approvals::approve))
                        .answers(200, TransferView.class)
                        .refuses(FundProblem.ALREADY_APPROVED, FundProblem.ALREADY_RESOLVED,
                                FundProblem.APPROVER_IS_MAKER, FundProblem.TRANSFER_EXPIRED,
                                FundProblem.TRANSFER_OF_A_BATCH),
                Binding.of(FundRoutes.REJECT, TransferRequests.Resolution.class, pg.transactPipelined(approvals::reject))
                        .answers(200, TransferView.class)
                        .refuses(FundProblem.ALREADY_RESOLVED, FundProblem.TRANSFER_OF_A_BATCH),
                Binding.of(FundRoutes.VOID, TransferRequests.Resolution.class, pg.transactPipelined(approvals::voidTransfer))
                        .answers(200, TransferView.class)
                        .refuses(FundProblem.ALREADY_RESOLVED, FundProblem.TRANSFER_OF_A_BATCH));
        jobs = List.of(JobBinding.of(FundRoutes.EXPIRE_PENDING, pg.transact(approvals::expire)));
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
