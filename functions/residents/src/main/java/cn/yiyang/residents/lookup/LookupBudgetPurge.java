package cn.yiyang.residents.lookup;

import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The nightly job that deletes look-up budget counters whose window has ended. The longest window is
 * a day, so a counter that started more than a day before the run counts against nothing any more;
 * the live hour and day counters are never touched (a look-up spends only its current windows, so
 * no spend races the purge for a row). At most {@link #ROWS_PER_RUN_MAX} rows a county a run: a
 * run that reaches it says so, and the next night goes on.
 */
@ApplicationScoped
public class LookupBudgetPurge {

    public static final String NAME = "purge-lookup-budgets";
    public static final int ROWS_PER_RUN_MAX = 50_000;
    /** The longest budget window: a counter older than this has ended. */
    public static final Duration WINDOW_LONGEST = Duration.ofDays(1);

    private static final String PURGE = """
            delete from residents.lookup_budget where ctid in (
              select ctid from residents.lookup_budget where county = ?1 and window_start < ?2 limit ?3)""";

    public static Job declare(String function) {
        return new Job(function, NAME, "cron(45 18 * * ? *)",
                "Nightly at 02:45 Asia/Shanghai: delete hotline look-up budget counters whose window has ended");
    }

    /** One county's run: windows that started more than a day before the run was invoked. */
    public Uni<Reply> purge(Invocation<NoInput> run) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(run.receivedAt().minus(WINDOW_LONGEST), ZoneOffset.UTC);
        return NativeSql.update(PURGE, run.county(), cutoff, ROWS_PER_RUN_MAX)
                .map(purged -> Reply.ok(Map.of("purged", purged, "more", purged == ROWS_PER_RUN_MAX)));
    }
}
