package cn.yiyang.funds.settlements;

import cn.yiyang.funds.settlements.SettlementRequests.SettlementFilter;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code GET /v1/settlements?kind=&period=}: what a period's settlements paid, with the counts behind each amount. */
@ApplicationScoped
public class SettlementQueries {

    public static final int PAGE_SIZE_MAX = 2_000;
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-[0-9]{2}(-[0-9]{2})?");

    @RegisterForReflection
    public record SettlementView(String settlementKey, SettlementKind kind, String period, String payeeRef, long units,
                                 long subsidisedUnits, long amountFen, String settledBy, OffsetDateTime settledAt,
                                 @Nullable UUID transferId, @Nullable String transferStatus) {
    }

    @RegisterForReflection
    public record Page(List<SettlementView> items) {
    }

    public Uni<Reply> list(Caller caller, SettlementFilter filter) {
        SettlementKind kind;
        try {
            kind = SettlementKind.valueOf(required("kind", filter.kind()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("kind", "BAD_KIND", "MEAL or BOOKING");
        }
        String period = required("period", filter.period());
        if (!PERIOD.matcher(period).matches()) {
            throw ApiException.invalid("period", "BAD_PERIOD", "A day YYYY-MM-DD (meals) or a month YYYY-MM (bookings)");
        }
        return NativeSql.select("""
                        select s.settlement_key, s.kind, s.period, s.payee_ref, s.units, s.subsidised_units, s.amount_fen,
                               s.settled_by, s.settled_at, t.id as transfer_id, coalesce(r.outcome, 'PENDING') as transfer_status
                        from funds.settlement s
                        join funds.transfer t on t.county = s.county and t.client_key = s.settlement_key
                        left join funds.transfer_resolution r on r.transfer_id = t.id
                        where s.county = ?1 and s.kind = ?2 and s.period = ?3
                        order by s.settlement_key""" + " limit " + PAGE_SIZE_MAX, caller.county(), kind.name(), period)
                .map(rows -> Reply.ok(new Page(rows.stream().map(r -> new SettlementView(r.text("settlement_key"),
                        SettlementKind.valueOf(r.text("kind")), r.text("period"), r.text("payee_ref"),
                        r.number("units"), r.number("subsidised_units"), r.fen("amount_fen"), r.text("settled_by"),
                        CountyTime.shown(r.time("settled_at")), r.uuid("transfer_id"), r.text("transfer_status"))).toList())));
    }

    private static String required(String name, String value) {
        if (value == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter '" + name + "' is required");
        }
        return value;
    }
}
