package cn.yiyang.stores.metering;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.metering.UsageMeter.UsageCount;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/usage?month=YYYY-MM}: a county's officers read their own county; the platform
 * role may name any county with {@code county=}. Declared by one function (residents) so the
 * route exists once in the API.
 */
@ApplicationScoped
public class UsageOperation {

    private static final Pattern MONTH = Pattern.compile("20[0-9]{2}-(0[1-9]|1[0-2])");
    private static final Pattern COUNTY = Pattern.compile("[1-9][0-9]{5}");

    private final UsageCounters counters;
    private final LocalLogsDelivery delivery;

    public UsageOperation(UsageCounters counters, LocalLogsDelivery delivery) {
        this.counters = counters;
        this.delivery = delivery;
    }

    public static Route declare(String function) {
        return Route.in(function).get("/v1/usage", "readUsage", Role.OFFICER, Role.PLATFORM);
    }

    /** {@code month} is required; {@code county} only for the platform role. */
    @RegisterForReflection
    public record UsageQuery(String month, String county) {
    }

    public Reply read(Caller caller, UsageQuery query) {
        String month = query.month();
        if (month == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter 'month' is required");
        }
        if (!MONTH.matcher(month).matches()) {
            throw ApiException.invalid("month", "BAD_MONTH", "Expected a month YYYY-MM");
        }
        String county = caller.county();
        String asked = query.county() == null ? county : query.county();
        if (!asked.equals(county)) {
            if (!caller.has(Role.PLATFORM)) {
                throw ApiException.notFound("County");
            }
            if (!COUNTY.matcher(asked).matches()) {
                throw ApiException.invalid("county", "BAD_COUNTY", "Expected a 6-digit division code");
            }
            county = asked;
        }
        // Locally the calls answered before are in the report: the stand-in delivers their lines first. On AWS a
        // call appears once CloudWatch has delivered its line to the metering function (seconds).
        delivery.flush();
        List<UsageCount> days = counters.month(county, YearMonth.parse(month)).stream()
                .sorted(Comparator.comparing(UsageCount::day).thenComparing(UsageCount::function)
                        .thenComparing(UsageCount::route))
                .toList();
        Map<String, Long> byFunction = new TreeMap<>();
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        long total = 0;
        for (UsageCount count : days) {
            byFunction.merge(count.function(), count.calls(), Long::sum);
            byDay.computeIfAbsent(count.day(), d -> new TreeMap<>()).merge(count.function(), count.calls(), Long::sum);
            total += count.calls();
        }
        List<UsageReport.FunctionDay> callsByDay = byDay.entrySet().stream()
                .map(day -> new UsageReport.FunctionDay(day.getKey(), day.getValue())).toList();
        return Reply.ok(new UsageReport(county, month, total, byFunction, callsByDay, days));
    }
}
