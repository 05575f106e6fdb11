package cn.yiyang.funds.settlements;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;

/** From a settlement's transfer to each served meal order or completed visit behind it, and the resident served. */
public final class SettlementTraces {

    /** Meals or visits shown in one trace; {@code itemCount} tells when there are more. */
    public static final int TRACE_ITEMS_MAX = 5_000;

    private SettlementTraces() {
    }

    /**
     * {@code itemRef} is the meal order's id (MEAL) or the booking's (BOOKING); {@code date} the day it was
     * served or started, in county time; {@code amountFen} the subsidy paid for it.
     */
    @RegisterForReflection
    public record TracedItem(String itemRef, String residentId, LocalDate date, long amountFen) {
    }

    @RegisterForReflection
    public record SettlementTrace(String settlementKey, SettlementKind kind, String period, String payeeRef, long units,
                                 long amountFen, long itemCount, List<TracedItem> items, @Nullable String supersedes) {
    }

    /** The settlement paid under this key, or null when the transfer is not a settlement's. */
    public static Uni<SettlementTrace> of(String county, String clientKey) {
        return NativeSql.selectOne("""
                        select s.settlement_key, s.kind, s.period, s.payee_ref, s.subsidised_units, s.amount_fen,
                               (select count(*) from funds.settlement_item i where i.county = s.county
                                  and i.settlement_key = s.settlement_key) as item_count, s.supersedes
                        from funds.settlement s where s.county = ?1 and s.settlement_key = ?2""", county, clientKey)
                .flatMap(row -> row.isEmpty() ? Uni.createFrom().<SettlementTrace>nullItem() : NativeSql.select("""
                                select item_ref, resident_id, served_on, amount_fen from funds.settlement_item
                                where county = ?1 and settlement_key = ?2 order by served_on, item_ref""" + " limit " + TRACE_ITEMS_MAX,
                                county, clientKey)
                        .map(items -> trace(row.get(), items)));
    }

    private static SettlementTrace trace(SqlRow s, List<SqlRow> items) {
        return new SettlementTrace(s.text("settlement_key"), SettlementKind.valueOf(s.text("kind")), s.text("period"),
                s.text("payee_ref"), s.number("subsidised_units"), s.fen("amount_fen"), s.number("item_count"),
                items.stream().map(i -> new TracedItem(i.text("item_ref"), i.text("resident_id"), i.date("served_on"),
                        i.fen("amount_fen"))).toList(), s.text("supersedes"));
    }
}
