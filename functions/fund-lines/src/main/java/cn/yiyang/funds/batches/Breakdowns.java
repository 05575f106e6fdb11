package cn.yiyang.funds.batches;

import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A batch's totals per street (the residents' 街道/乡镇, as their cards give it; institutions and
 * unknown streets under "-") and per line of its policy (the age band, or the bed subsidy), summed
 * by PostgreSQL over all its items.
 */
@RegisterForReflection
public record Breakdowns(List<Line> byStreet, List<Line> byPolicyLine) {

    /** Groups a breakdown lists at most (a county has a few dozen streets). */
    public static final int GROUPS_MAX = 500;
    static final String UNKNOWN = "-";

    @RegisterForReflection
    public record Line(String key, long items, long totalFen) {
    }

    static Uni<Breakdowns> of(Batch b) {
        return lines("coalesce(street_code, '" + UNKNOWN + "')", b)
                .flatMap(streets -> lines("coalesce(band, '" + b.kind().name() + "')", b).map(bands -> new Breakdowns(streets, bands)));
    }

    private static Uni<List<Line>> lines(String groupBy, Batch b) {
        return NativeSql.select("select " + groupBy + " as k, count(*) as items, sum(amount_fen) as total_fen from funds.batch_item"
                        + " where batch_id = ?1 group by k order by k limit " + GROUPS_MAX, b.id())
                .map(rows -> rows.stream().map(r -> new Line(r.text("k"), r.number("items"), r.fen("total_fen"))).toList());
    }
}
