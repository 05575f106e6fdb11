package cn.yiyang.residents.lookup;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.residents.registry.ResidentProblem;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * How many hotline look-ups one caller may make: {@link #LOOKUPS_PER_HOUR_MAX} per clock hour and
 * {@link #LOOKUPS_PER_DAY_MAX} per day (Asia/Shanghai). A busy operator answers a call every few minutes;
 * walking a phone mask's 10,000 completions (572 look-ups recovered one in 4 s) would take a month of
 * days at the limit, each look-up in the disclosure log.
 *
 * <p>Each window is a guarded counter incremented in the look-up's own transaction only while below its
 * limit; PostgreSQL's row lock on the conflicting row makes concurrent look-ups queue, each seeing the
 * count the one before it left. A refused look-up rolls back, so it spends nothing.
 */
@ApplicationScoped
public class LookupBudget {

    public static final int LOOKUPS_PER_HOUR_MAX = 60;
    public static final int LOOKUPS_PER_DAY_MAX = 300;

    private static final String SPEND = """
            insert into residents.lookup_budget (county, actor, window_kind, window_start, used)
            values (?1, ?2, ?3, ?4, 1)
            on conflict (county, actor, window_kind, window_start)
            do update set used = residents.lookup_budget.used + 1 where residents.lookup_budget.used < ?5
            returning used""";

    private final Clock clock;

    public LookupBudget(Clock clock) {
        this.clock = clock;
    }

    /** Spends one look-up of the caller's hour and day, or refuses with 429 {@code LOOKUP_LIMIT_REACHED}. */
    public Uni<Void> spend(String county, String actor) {
        LocalDateTime now = CountyTime.localNow(clock);
        OffsetDateTime hour = now.truncatedTo(ChronoUnit.HOURS).atZone(CountyTime.ZONE).toOffsetDateTime();
        OffsetDateTime day = now.truncatedTo(ChronoUnit.DAYS).atZone(CountyTime.ZONE).toOffsetDateTime();
        return spend(county, actor, "HOUR", hour, LOOKUPS_PER_HOUR_MAX)
                .chain(() -> spend(county, actor, "DAY", day, LOOKUPS_PER_DAY_MAX));
    }

    private static Uni<Void> spend(String county, String actor, String window, OffsetDateTime start, int max) {
        return NativeSql.first(SPEND, county, actor, window, start, max).map(row -> {
            if (row.isEmpty()) {
                throw new ApiException(ResidentProblem.LOOKUP_LIMIT_REACHED, "At most " + max
                        + " look-ups per " + window.toLowerCase(java.util.Locale.ROOT) + " for one caller");
            }
            return null;
        });
    }
}
