package cn.yiyang.timebank;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.stores.dynamo.DynamoOperations;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.exchanges.ExchangeLifecycle;
import cn.yiyang.timebank.exchanges.ExchangeService;
import cn.yiyang.timebank.records.RecordExpiry;
import cn.yiyang.timebank.records.RecordService;
import cn.yiyang.timebank.settings.SettingsService;
import cn.yiyang.timebank.transfers.GiftService;
import cn.yiyang.timebank.transfers.PoolService;
import jakarta.inject.Singleton;

/** Binds each declared time-bank route and job to its operation. */
@Singleton
public class TimeBankApi extends DeclaredApi {

    public TimeBankApi(DynamoOperations dynamo, AccountService accounts, SettingsService settings, RecordService records,
                       RecordExpiry expiry, ExchangeService exchanges, ExchangeLifecycle lifecycle, GiftService gifts,
                       PoolService pool) {
        super(TimeBankRoutes.ALL,
                Binding.of(TimeBankRoutes.REGISTER, dynamo.write(accounts::register)),
                Binding.of(TimeBankRoutes.ACCOUNT, dynamo.read(accounts::get)),
                Binding.of(TimeBankRoutes.GET_SETTINGS, dynamo.read(settings::read)),
                Binding.of(TimeBankRoutes.PUT_SETTINGS, dynamo.write(settings::put)),
                Binding.of(TimeBankRoutes.LOG, dynamo.write(records::log)),
                Binding.of(TimeBankRoutes.GET_RECORD, dynamo.read(records::get)),
                Binding.of(TimeBankRoutes.CONFIRM, dynamo.write(records::confirm)),
                Binding.of(TimeBankRoutes.REJECT, dynamo.write(records::reject)),
                Binding.of(TimeBankRoutes.ADD_ITEM, dynamo.write(exchanges::addItem)),
                Binding.of(TimeBankRoutes.LIST_ITEMS, dynamo.read(exchanges::listItems)),
                Binding.of(TimeBankRoutes.EXCHANGE, dynamo.write(exchanges::exchange)),
                Binding.of(TimeBankRoutes.OPEN_EXCHANGES, dynamo.read(lifecycle::open)),
                Binding.of(TimeBankRoutes.GET_EXCHANGE, dynamo.read(lifecycle::get)),
                Binding.of(TimeBankRoutes.CANCEL_EXCHANGE, dynamo.write(lifecycle::cancel)),
                Binding.of(TimeBankRoutes.REDEEM_EXCHANGE, dynamo.write(lifecycle::redeem)),
                Binding.of(TimeBankRoutes.GIFT, dynamo.write(gifts::give)),
                Binding.of(TimeBankRoutes.DONATE, dynamo.write(pool::donate)),
                Binding.of(TimeBankRoutes.GRANT, dynamo.write(pool::grant)),
                Binding.of(TimeBankRoutes.POOL, dynamo.read(pool::view)));
        runs(expiry.bind(TimeBankRoutes.EXPIRE_RECORDS));
    }
}
