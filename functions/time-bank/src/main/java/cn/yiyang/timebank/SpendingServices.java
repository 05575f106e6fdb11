package cn.yiyang.timebank;

import cn.yiyang.timebank.exchanges.CancelledBookingRefunds;
import cn.yiyang.timebank.exchanges.ExchangeLifecycle;
import cn.yiyang.timebank.exchanges.ExchangeService;
import cn.yiyang.timebank.transfers.GiftService;
import cn.yiyang.timebank.transfers.PoolService;
import jakarta.inject.Singleton;

/** How points are spent or moved on: the catalog and exchanges (and their refunds), gifts to family, the county's pool. */
@Singleton
public class SpendingServices {

    private final ExchangeService exchanges;
    private final ExchangeLifecycle lifecycle;
    private final GiftService gifts;
    private final PoolService pool;
    private final CancelledBookingRefunds refunds;

    public SpendingServices(ExchangeService exchanges, ExchangeLifecycle lifecycle, GiftService gifts, PoolService pool,
                            CancelledBookingRefunds refunds) {
        this.exchanges = exchanges;
        this.lifecycle = lifecycle;
        this.gifts = gifts;
        this.pool = pool;
        this.refunds = refunds;
    }

    public ExchangeService exchanges() {
        return exchanges;
    }

    public ExchangeLifecycle lifecycle() {
        return lifecycle;
    }

    public GiftService gifts() {
        return gifts;
    }

    public PoolService pool() {
        return pool;
    }

    public CancelledBookingRefunds refunds() {
        return refunds;
    }
}
