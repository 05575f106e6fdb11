package cn.yiyang.funds;

import cn.yiyang.funds.payout.BankReturns;
import cn.yiyang.funds.payout.PaymentFile;
import cn.yiyang.funds.payout.PayoutAccounts;
import cn.yiyang.funds.payout.PayoutRequests;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** Payout accounts and the bank round trip (代发): accounts set by officers and read masked, the payment file, the bank's return files. */
@Singleton
class PayoutApi implements ConceptApi {

    private final List<Binding> bindings;

    PayoutApi(PgOperations pg, PayoutAccounts accounts, PaymentFile paymentFile, BankReturns returns) {
        bindings = List.of(
                Binding.of(FundRoutes.PAYMENT_FILE, PayoutRequests.PaymentFilePage.class, pg.transact(paymentFile::page))
                        .answersText(200, "text/plain")
                        .refuses(FundProblem.BATCH_NOT_POSTED),
                Binding.of(FundRoutes.IMPORT_BANK_RETURN, PayoutRequests.BankReturnImport.class, pg.transact(returns::importFile))
                        .answers(200, BankReturns.Imported.class)
                        .refuses(FundProblem.ALREADY_RESOLVED, FundProblem.BANK_RETURN_CONFLICT,
                                FundProblem.BANK_RETURN_MISMATCH, FundProblem.BATCH_NOT_POSTED,
                                FundProblem.EXISTS_WITH_DIFFERENT_FIELDS, FundProblem.INSUFFICIENT_FUNDS),
                Binding.of(FundRoutes.PUT_PAYOUT_ACCOUNT, PayoutRequests.PayoutAccountChange.class, pg.transact(accounts::put))
                        .answers(200, PayoutAccounts.PayoutAccountView.class),
                Binding.of(FundRoutes.GET_PAYOUT_ACCOUNT, PayoutRequests.PayoutAccountOf.class, pg.query(accounts::get))
                        .answers(200, PayoutAccounts.PayoutAccountView.class),
                Binding.of(FundRoutes.PUT_CAREGIVER_PAYOUT, PayoutRequests.CaregiverPayoutAccountChange.class,
                                pg.transact(accounts::putCaregiver))
                        .answers(200, PayoutAccounts.PayoutAccountView.class),
                Binding.of(FundRoutes.GET_CAREGIVER_PAYOUT, ById.class, pg.query(accounts::getCaregiver))
                        .answers(200, PayoutAccounts.PayoutAccountView.class));
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }
}
