package cn.yiyang.timebank;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.stores.dynamo.DynamoOperations;
import cn.yiyang.timebank.accounts.AccountRequests;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.exchanges.ExchangeLifecycle;
import cn.yiyang.timebank.exchanges.ExchangeRequests;
import cn.yiyang.timebank.exchanges.ExchangeService;
import cn.yiyang.timebank.records.RecordExpiry;
import cn.yiyang.timebank.records.RecordRequests;
import cn.yiyang.timebank.records.RecordService;
import cn.yiyang.timebank.settings.CountySettings;
import cn.yiyang.timebank.settings.SettingsService;
import cn.yiyang.timebank.transfers.GiftService;
import cn.yiyang.timebank.transfers.PoolService;
import cn.yiyang.timebank.transfers.TransferRequests;
import jakarta.inject.Singleton;

/** Binds each declared time-bank route to its request record and its operation, and the job to its run. */
@Singleton
public class TimeBankApi extends DeclaredApi {

    public TimeBankApi(DynamoOperations dynamo, AccountService accounts, SettingsService settings, RecordService records,
                       RecordExpiry expiry, ExchangeService exchanges, ExchangeLifecycle lifecycle, GiftService gifts,
                       PoolService pool) {
        super(TimeBankRoutes.ALL,
                Binding.of(TimeBankRoutes.REGISTER, AccountRequests.Register.class, dynamo.transact(accounts::register)),
                Binding.of(TimeBankRoutes.ACCOUNT, AccountRequests.Statement.class, dynamo.query(accounts::get)),
                Binding.of(TimeBankRoutes.GET_SETTINGS, NoInput.class, dynamo.query(settings::read)),
                Binding.of(TimeBankRoutes.PUT_SETTINGS, CountySettings.class, dynamo.transact(settings::put)),
                Binding.of(TimeBankRoutes.LOG, RecordRequests.Log.class, dynamo.transact(records::log)),
                Binding.of(TimeBankRoutes.GET_RECORD, ById.class, dynamo.query(records::get)),
                Binding.of(TimeBankRoutes.CONFIRM, ById.class, dynamo.transact(records::confirm)),
                Binding.of(TimeBankRoutes.REJECT, ById.class, dynamo.transact(records::reject)),
                Binding.of(TimeBankRoutes.ADD_ITEM, ExchangeRequests.AddItem.class, dynamo.transact(exchanges::addItem)),
                Binding.of(TimeBankRoutes.LIST_ITEMS, NoInput.class, dynamo.query(exchanges::listItems)),
                Binding.of(TimeBankRoutes.EXCHANGE, ExchangeRequests.ExchangePoints.class, dynamo.transact(exchanges::exchange)),
                Binding.of(TimeBankRoutes.OPEN_EXCHANGES, ExchangeRequests.OpenVouchers.class, dynamo.query(lifecycle::open)),
                Binding.of(TimeBankRoutes.GET_EXCHANGE, ById.class, dynamo.query(lifecycle::get)),
                Binding.of(TimeBankRoutes.CANCEL_EXCHANGE, ById.class, dynamo.transact(lifecycle::cancel)),
                Binding.of(TimeBankRoutes.REDEEM_EXCHANGE, ExchangeRequests.Redeem.class, dynamo.transact(lifecycle::redeem)),
                Binding.of(TimeBankRoutes.GIFT, TransferRequests.Gift.class, dynamo.transact(gifts::give)),
                Binding.of(TimeBankRoutes.DONATE, TransferRequests.Donation.class, dynamo.transact(pool::donate)),
                Binding.of(TimeBankRoutes.GRANT, TransferRequests.Grant.class, dynamo.transact(pool::grant)),
                Binding.of(TimeBankRoutes.POOL, NoInput.class, dynamo.query(pool::view)));
        runs(JobBinding.of(TimeBankRoutes.EXPIRE_RECORDS, expiry::expire));
    }
}
