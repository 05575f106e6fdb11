package cn.yiyang.funds;

import cn.yiyang.funds.payout.PayoutAccounts;
import cn.yiyang.funds.payout.PayoutRequests;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** Payout accounts (代发): set by officers, read masked. */
@Singleton
class PayoutApi implements ConceptApi {

    private final List<Binding> bindings;

    PayoutApi(PgOperations pg, PayoutAccounts accounts) {
        bindings = List.of(
                Binding.of(FundRoutes.PUT_PAYOUT_ACCOUNT, PayoutRequests.PayoutAccountChange.class, pg.transact(accounts::put)),
                Binding.of(FundRoutes.GET_PAYOUT_ACCOUNT, PayoutRequests.PayoutAccountOf.class, pg.query(accounts::get)));
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }
}
