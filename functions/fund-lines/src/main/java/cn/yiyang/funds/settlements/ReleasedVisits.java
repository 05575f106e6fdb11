package cn.yiyang.funds.settlements;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.settlements.BookingSettlementFeed;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A visit released after its provider's month was settled (or whose provider had nothing else that month)
 * is paid by the next monthly run on its own: each provider with released visits (of the month or before)
 * that no live settlement holds gets a settlement of its own for the month, under
 * {@code <provider-month key>:released}. Its key sorts after the provider's own month key, so a provider
 * settled in the same run has its released visits paid by that settlement first, and this one finds
 * nothing left to pay.
 */
final class ReleasedVisits {

    static final String KEY_SUFFIX = ":released";

    private ReleasedVisits() {
    }

    static String key(String county, String providerId, YearMonth month) {
        return BookingSettlementFeed.key(county, providerId, month) + KEY_SUFFIX;
    }

    /** The month's released-only items, one per provider with released visits no live settlement holds. */
    static Uni<List<SettlementItem>> ofMonth(String county, YearMonth month) {
        OffsetDateTime monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        return NativeSql.select("""
                        select d.provider_id::text as provider_id, p.name, count(*) as visits, sum(b.subsidy_fen) as subsidy_fen
                        from funds.visit_decision d
                        join bookings.booking b on b.id = d.booking_id and b.county = d.county
                        join bookings.provider p on p.id = d.provider_id
                        where d.county = ?1 and d.decision = 'RELEASED' and b.starts_at < ?2
                          and b.status in ('COMPLETED', 'RATED') and b.subsidy_fen > 0 and b.paid_by_exchange is null
                          and not exists (""" + HeldVisits.LIVE_ITEM + """
                         and i.item_ref = d.booking_id::text)
                        group by d.provider_id, p.name order by d.provider_id limit """
                        + " " + BookingSettlementFeed.PROVIDERS_PER_MONTH_MAX, county, monthEnd)
                .map(rows -> rows.stream().map(r -> SettlementItem.releasedOnly(key(county, r.text("provider_id"), month),
                        r.text("provider_id"), r.text("name"), month.toString(), r.number("visits"),
                        r.number("subsidy_fen"))).toList());
    }
}
