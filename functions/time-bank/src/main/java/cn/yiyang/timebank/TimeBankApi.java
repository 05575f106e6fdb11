package cn.yiyang.timebank;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.stores.dynamo.DynamoOperations;
import cn.yiyang.timebank.accounts.AccountRequests;
import cn.yiyang.timebank.exchanges.ExchangeRequests;
import cn.yiyang.timebank.records.RecordRequests;
import cn.yiyang.timebank.settings.CountySettings;
import cn.yiyang.timebank.transfers.TransferRequests;
import jakarta.inject.Singleton;

/** Binds each declared time-bank route to its request record and its operation, and the job to its run. */
@Singleton
public class TimeBankApi extends DeclaredApi {

    public TimeBankApi(DynamoOperations dynamo, EarningServices earning, SpendingServices spending) {
        super(TimeBankRoutes.ALL,
                Binding.of(TimeBankRoutes.REGISTER, AccountRequests.Register.class,
                        dynamo.transact(earning.accounts()::register)),
                Binding.of(TimeBankRoutes.ACCOUNT, AccountRequests.Statement.class, dynamo.query(earning.accounts()::get)),
                Binding.of(TimeBankRoutes.GET_SETTINGS, NoInput.class, dynamo.query(earning.settings()::read)),
                Binding.of(TimeBankRoutes.PUT_SETTINGS, CountySettings.class, dynamo.transact(earning.settings()::put)),
                Binding.of(TimeBankRoutes.LOG, RecordRequests.Log.class, dynamo.transact(earning.records()::log)),
                Binding.of(TimeBankRoutes.GET_RECORD, ById.class, dynamo.query(earning.records()::get)),
                Binding.of(TimeBankRoutes.CONFIRM, ById.class, dynamo.transact(earning.records()::confirm)),
                Binding.of(TimeBankRoutes.REJECT, ById.class, dynamo.transact(earning.records()::reject)),
                Binding.of(TimeBankRoutes.ADD_ITEM, ExchangeRequests.AddItem.class,
                        dynamo.transact(spending.exchanges()::addItem)),
                Binding.of(TimeBankRoutes.LIST_ITEMS, NoInput.class, dynamo.query(spending.exchanges()::listItems)),
                Binding.of(TimeBankRoutes.EXCHANGE, ExchangeRequests.ExchangePoints.class,
                        dynamo.transact(spending.exchanges()::exchange)),
                Binding.of(TimeBankRoutes.OPEN_EXCHANGES, ExchangeRequests.OpenVouchers.class,
                        dynamo.query(spending.lifecycle()::open)),
                Binding.of(TimeBankRoutes.GET_EXCHANGE, ById.class, dynamo.query(spending.lifecycle()::get)),
                Binding.of(TimeBankRoutes.CANCEL_EXCHANGE, ById.class, dynamo.transact(spending.lifecycle()::cancel)),
                Binding.of(TimeBankRoutes.REDEEM_EXCHANGE, ExchangeRequests.Redeem.class,
                        dynamo.transact(spending.lifecycle()::redeem)),
                Binding.of(TimeBankRoutes.GIFT, TransferRequests.Gift.class, dynamo.transact(spending.gifts()::give)),
                Binding.of(TimeBankRoutes.DONATE, TransferRequests.Donation.class, dynamo.transact(spending.pool()::donate)),
                Binding.of(TimeBankRoutes.GRANT, TransferRequests.Grant.class, dynamo.transact(spending.pool()::grant)),
                Binding.of(TimeBankRoutes.POOL, NoInput.class, dynamo.query(spending.pool()::view)));
        runs(JobBinding.of(TimeBankRoutes.EXPIRE_RECORDS, earning.expiry()::expire));
    }
}
