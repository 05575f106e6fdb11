package cn.yiyang.stores.pg.settlements;

import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * The booking settlement feed, in one place: completed (or completed and rated) subsidised visits not paid with
 * time-bank points, per provider in a month, by the visit's start in county time. Read by service-bookings'
 * {@code GET /v1/booking-settlements} and by fund-lines' settlement, which reads the bookings
 * schema directly (SELECT only) on the session of the calling operation.
 */
public final class BookingSettlementFeed {

    /** A county's providers: far fewer than this. */
    public static final int PROVIDERS_PER_MONTH_MAX = 2_000;
    /** One provider's completed subsidised visits in a month: a large provider makes a few thousand. */
    public static final int VISITS_PER_PROVIDER_MONTH_MAX = 20_000;

    private BookingSettlementFeed() {
    }

    /** {@code booking:<county>:<provider>:<month>}: the (provider, month) pair a settlement pays once. */
    public static String key(String county, String providerId, YearMonth month) {
        return "booking:" + county + ":" + providerId + ":" + month;
    }

    public static Uni<List<BookingSettlement>> month(String county, YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        return NativeSql.select("""
                        select b.provider_id::text as provider_id, p.name as name, count(*) as visits,
                               sum(b.subsidy_fen) as subsidy_fen
                        from bookings.booking b join bookings.provider p on p.id = b.provider_id
                        where b.county = ?1 and b.status in ('COMPLETED', 'RATED') and b.subsidy_fen > 0
                          and b.paid_by_exchange is null
                          and b.starts_at >= ?2 and b.starts_at < ?3
                        group by b.provider_id, p.name order by b.provider_id""" + " limit " + PROVIDERS_PER_MONTH_MAX,
                        county, from, from.plusMonths(1))
                .map(rows -> rows.stream().map(row -> new BookingSettlement(
                        key(county, row.text("provider_id"), month), row.text("provider_id"), row.text("name"),
                        month.toString(), row.number("visits"), row.fen("subsidy_fen"))).toList());
    }

    /**
     * The provider's visits behind {@link #month}'s figures, in booking id order, each with its day in county
     * time; {@code limit} at most {@link #VISITS_PER_PROVIDER_MONTH_MAX} (ask one more than you take to see a cut).
     */
    public static Uni<List<CompletedVisit>> visits(String county, String providerId, YearMonth month, int limit) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        return NativeSql.select(VISITS + " and b.provider_id = cast(cast(?2 as text) as uuid) and b.starts_at >= ?3 and b.starts_at < ?4"
                        + " order by b.id limit " + Math.min(limit, VISITS_PER_PROVIDER_MONTH_MAX + 1),
                        county, providerId, from, from.plusMonths(1))
                .map(rows -> rows.stream().map(BookingSettlementFeed::visit).toList());
    }

    /** The county's visits of the month flagged far too short, by provider and booking id. */
    public static Uni<List<CompletedVisit>> flaggedShort(String county, YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        return NativeSql.select(VISITS + " and b.flagged_short and b.starts_at >= ?2 and b.starts_at < ?3"
                        + " order by b.provider_id, b.id limit " + VISITS_PER_PROVIDER_MONTH_MAX, county, from, from.plusMonths(1))
                .map(rows -> rows.stream().map(BookingSettlementFeed::visit).toList());
    }

    /** These visits of the county, if still completed, subsidised and not paid with points (any month). */
    public static Uni<List<CompletedVisit>> visitsById(String county, List<String> bookingIds) {
        if (bookingIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return NativeSql.select(VISITS + " and b.id::text in (select jsonb_array_elements_text(cast(cast(?2 as text) as jsonb))) order by b.id",
                        county, StrictJson.write(bookingIds))
                .map(rows -> rows.stream().map(BookingSettlementFeed::visit).toList());
    }

    private static final String VISITS = """
            select b.id::text as id, b.provider_id::text as provider_id, b.resident_id,
                   (b.starts_at at time zone 'Asia/Shanghai')::date as day, b.subsidy_fen, b.flagged_short
            from bookings.booking b
            where b.county = ?1 and b.status in ('COMPLETED', 'RATED') and b.subsidy_fen > 0 and b.paid_by_exchange is null""";

    static CompletedVisit visit(SqlRow row) {
        return new CompletedVisit(row.text("id"), row.text("provider_id"), row.text("resident_id"), row.date("day"),
                row.fen("subsidy_fen"), row.bool("flagged_short"));
    }
}
