package cn.yiyang.funds;

import cn.yiyang.funds.accounts.AccountRequests;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.lines.FundLineRequests;
import cn.yiyang.funds.lines.FundLineService;
import cn.yiyang.funds.lines.FundSettings;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** The county's fund lines, its ledger settings and its accounts. */
@Singleton
class LinesAndAccountsApi implements ConceptApi {

    private final List<Binding> bindings;

    LinesAndAccountsApi(PgOperations pg, FundLineService lines, FundSettings settings, AccountService accounts) {
        bindings = List.of(
                Binding.of(FundRoutes.INSTALL_LINES, pg.transact(lines::installDefaults)),
                Binding.of(FundRoutes.CREATE_LINE, FundLineRequests.NewFundLine.class, pg.transact(lines::create)),
                Binding.of(FundRoutes.LIST_LINES, pg.query(lines::list)),
                Binding.of(FundRoutes.GET_SETTINGS, pg.query(settings::read)),
                Binding.of(FundRoutes.PUT_SETTINGS, FundSettings.Settings.class, pg.transact(settings::put)),
                Binding.of(FundRoutes.OPEN_ACCOUNT, AccountRequests.NewPayeeAccount.class, pg.transact(accounts::openPayee)),
                Binding.of(FundRoutes.LIST_ACCOUNTS, AccountRequests.AccountFilter.class, pg.query(accounts::list)),
                Binding.of(FundRoutes.GET_ACCOUNT, ById.class, pg.query(accounts::get)));
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }
}
