package cn.yiyang.timebank;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.stores.dynamo.DynamoOperations;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.exchanges.ExchangeService;
import cn.yiyang.timebank.records.RecordService;
import jakarta.inject.Singleton;

/** Binds each declared time-bank route to its operation. */
@Singleton
public class TimeBankApi extends DeclaredApi {

    public TimeBankApi(DynamoOperations dynamo, AccountService accounts, RecordService records, ExchangeService exchanges) {
        super(TimeBankRoutes.ALL,
                Binding.of(TimeBankRoutes.REGISTER, dynamo.write(accounts::register)),
                Binding.of(TimeBankRoutes.ACCOUNT, dynamo.read(accounts::get)),
                Binding.of(TimeBankRoutes.LOG, dynamo.write(records::log)),
                Binding.of(TimeBankRoutes.CONFIRM, dynamo.write(records::confirm)),
                Binding.of(TimeBankRoutes.REJECT, dynamo.write(records::reject)),
                Binding.of(TimeBankRoutes.ADD_ITEM, dynamo.write(exchanges::addItem)),
                Binding.of(TimeBankRoutes.LIST_ITEMS, dynamo.read(exchanges::listItems)),
                Binding.of(TimeBankRoutes.EXCHANGE, dynamo.write(exchanges::exchange)));
    }
}
