package cn.yiyang.funds;

import cn.yiyang.funds.accounts.AccountRequests;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.lines.FundLine;
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
                Binding.of(FundRoutes.INSTALL_LINES, pg.transact(lines::installDefaults))
                        .answers(201, FundLineService.FundLines.class),
                Binding.of(FundRoutes.CREATE_LINE, FundLineRequests.NewFundLine.class, pg.transact(lines::create))
                        .answers(201, FundLine.class)
                        .refuses(FundProblem.FUND_LINE_EXISTS),
                Binding.of(FundRoutes.LIST_LINES, pg.query(lines::list)).answers(200, FundLineService.FundLines.class),
                Binding.of(FundRoutes.GET_SETTINGS, pg.query(settings::read)).answers(200, FundSettings.Settings.class),
                Binding.of(FundRoutes.PUT_SETTINGS, FundSettings.Settings.class, pg.transact(settings::put))
                        .answers(200, FundSettings.Settings.class),
                Binding.of(FundRoutes.OPEN_ACCOUNT, AccountRequests.NewPayeeAccount.class, pg.transact(accounts::openPayee))
                        .answers(201, AccountService.AccountView.class),
                Binding.of(FundRoutes.LIST_ACCOUNTS, AccountRequests.AccountFilter.class, pg.query(accounts::list))
                        .answers(200, AccountService.AccountPage.class),
                Binding.of(FundRoutes.GET_ACCOUNT, ById.class, pg.query(accounts::get))
                        .answers(200, AccountService.AccountView.class));
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }
}
