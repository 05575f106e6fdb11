package cn.yiyang.timebank;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.resident.ResidentStatusProblem;
import cn.yiyang.stores.dynamo.DynamoOperations;
import cn.yiyang.timebank.accounts.AccountRequests;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.exchanges.CatalogItem;
import cn.yiyang.timebank.exchanges.Exchange;
import cn.yiyang.timebank.exchanges.ExchangeRequests;
import cn.yiyang.timebank.records.RecordRequests;
import cn.yiyang.timebank.records.ServiceRecord;
import cn.yiyang.timebank.reports.PointsPerDay;
import cn.yiyang.timebank.reports.PointsReports;
import cn.yiyang.timebank.reports.PointsRequests;
import cn.yiyang.timebank.settings.CountySettings;
import cn.yiyang.timebank.transfers.PoolService;
import cn.yiyang.timebank.transfers.Transfer;
import cn.yiyang.timebank.transfers.TransferRequests;
import jakarta.inject.Singleton;

/** Binds each declared time-bank route to its request record and its operation, and the jobs to their runs. */
@Singleton
public class TimeBankApi extends DeclaredApi {

    public TimeBankApi(DynamoOperations dynamo, EarningServices earning, SpendingServices spending,
                       PointsReports reports) {
        super(TimeBankRoutes.ALL,
                Binding.of(TimeBankRoutes.REGISTER, AccountRequests.Register.class,
                        dynamo.transact(earning.accounts()::register)).answers(201, AccountService.AccountView.class)
                        .refuses(TimeBankProblem.VOLUNTEER_AGE_OUT_OF_RANGE, TimeBankProblem.VOLUNTEER_EXISTS,
                                TimeBankProblem.VOLUNTEER_NOT_VERIFIED),
                Binding.of(TimeBankRoutes.ACCOUNT, AccountRequests.Statement.class, dynamo.query(earning.accounts()::get))
                        .answers(200, AccountService.AccountView.class),
                Binding.of(TimeBankRoutes.GET_SETTINGS, NoInput.class, dynamo.query(earning.settings()::read))
                        .answers(200, CountySettings.class),
                Binding.of(TimeBankRoutes.PUT_SETTINGS, CountySettings.class, dynamo.transact(earning.settings()::put))
                        .answers(200, CountySettings.class),
                Binding.of(TimeBankRoutes.LOG, RecordRequests.Log.class, dynamo.transact(earning.records()::log))
                        .answers(201, ServiceRecord.class)
                        .refuses(TimeBankProblem.DAILY_CAP_EXCEEDED, TimeBankProblem.SELF_SERVICE,
                                TimeBankProblem.SERVICE_RECORD_IN_FUTURE, TimeBankProblem.SERVICE_RECORD_OVERLAP,
                                TimeBankProblem.SERVICE_TO_OWN_FAMILY, TimeBankProblem.VOLUNTEER_NOT_REGISTERED),
                Binding.of(TimeBankRoutes.GET_RECORD, ById.class, dynamo.query(earning.records()::get))
                        .answers(200, ServiceRecord.class),
                Binding.of(TimeBankRoutes.CONFIRM, ById.class, dynamo.transact(earning.records()::confirm))
                        .answers(200, ServiceRecord.Confirmed.class)
                        .refuses(TimeBankProblem.OWN_RECORD_NOT_CONFIRMABLE, TimeBankProblem.SERVICE_RECORD_EXPIRED,
                                TimeBankProblem.SERVICE_RECORD_NOT_PENDING),
                Binding.of(TimeBankRoutes.REJECT, ById.class, dynamo.transact(earning.records()::reject))
                        .answers(200, ServiceRecord.class)
                        .refuses(TimeBankProblem.OWN_RECORD_NOT_CONFIRMABLE, TimeBankProblem.SERVICE_RECORD_EXPIRED,
                                TimeBankProblem.SERVICE_RECORD_NOT_PENDING),
                Binding.of(TimeBankRoutes.ADD_ITEM, ExchangeRequests.AddItem.class,
                        dynamo.transact(spending.exchanges()::addItem)).answers(201, CatalogItem.class),
                Binding.of(TimeBankRoutes.LIST_ITEMS, NoInput.class, dynamo.query(spending.exchanges()::listItems))
                        .answers(200, CatalogItem.Page.class),
                Binding.of(TimeBankRoutes.EXCHANGE, ExchangeRequests.ExchangePoints.class,
                        dynamo.transact(spending.exchanges()::exchange)).answers(201, Exchange.class)
                        .refuses(TimeBankProblem.INSUFFICIENT_POINTS, TimeBankProblem.OUT_OF_STOCK,
                                TimeBankProblem.VOLUNTEER_NOT_REGISTERED),
                Binding.of(TimeBankRoutes.OPEN_EXCHANGES, ExchangeRequests.OpenVouchers.class,
                        dynamo.query(spending.lifecycle()::open)).answers(200, Exchange.Vouchers.class),
                Binding.of(TimeBankRoutes.GET_EXCHANGE, ById.class, dynamo.query(spending.lifecycle()::get))
                        .answers(200, Exchange.class),
                Binding.of(TimeBankRoutes.CANCEL_EXCHANGE, ById.class, dynamo.transact(spending.lifecycle()::cancel))
                        .answers(200, Exchange.class)
                        .refuses(TimeBankProblem.EXCHANGE_NOT_CANCELLABLE),
                Binding.of(TimeBankRoutes.REDEEM_EXCHANGE, ExchangeRequests.Redeem.class,
                        dynamo.transact(spending.lifecycle()::redeem)).answers(200, Exchange.class)
                        .refuses(TimeBankProblem.BOOKING_ALREADY_PAID, TimeBankProblem.BOOKING_NOT_PAYABLE,
                                TimeBankProblem.EXCHANGE_NOT_REDEEMABLE, TimeBankProblem.VOUCHER_BOOKING_MISMATCH),
                Binding.of(TimeBankRoutes.GIFT, TransferRequests.Gift.class, dynamo.transact(spending.gifts()::give))
                        .answers(201, Transfer.class)
                        .refuses(ResidentStatusProblem.RESIDENT_INACTIVE, TimeBankProblem.GIFT_CAP_EXCEEDED,
                                TimeBankProblem.GIFT_RECIPIENT_NOT_FAMILY, TimeBankProblem.INSUFFICIENT_POINTS,
                                TimeBankProblem.VOLUNTEER_NOT_REGISTERED),
                Binding.of(TimeBankRoutes.DONATE, TransferRequests.Donation.class, dynamo.transact(spending.pool()::donate))
                        .answers(201, Transfer.class)
                        .refuses(TimeBankProblem.INSUFFICIENT_POINTS, TimeBankProblem.VOLUNTEER_NOT_REGISTERED),
                Binding.of(TimeBankRoutes.GRANT, TransferRequests.Grant.class, dynamo.transact(spending.pool()::grant))
                        .answers(201, Transfer.class)
                        .refuses(ResidentStatusProblem.RESIDENT_INACTIVE, TimeBankProblem.GRANT_NOT_PRIORITY,
                                TimeBankProblem.POOL_INSUFFICIENT),
                Binding.of(TimeBankRoutes.POOL, NoInput.class, dynamo.query(spending.pool()::view))
                        .answers(200, PoolService.PoolView.class),
                Binding.of(TimeBankRoutes.POINTS_PER_DAY, PointsRequests.Range.class, dynamo.query(reports::perDay))
                        .answers(200, PointsPerDay.class));
        runs(JobBinding.of(TimeBankRoutes.EXPIRE_RECORDS, earning.expiry()::expire),
                JobBinding.of(TimeBankRoutes.REFUND_CANCELLED_BOOKINGS, spending.refunds()::refund));
    }
}
