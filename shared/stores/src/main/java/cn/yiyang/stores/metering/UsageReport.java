package cn.yiyang.stores.metering;

import cn.yiyang.kernel.metering.UsageMeter.UsageCount;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A county's metered calls for one month: the basis of its pay-per-use bill. {@code callsByFunction} is the
 * month per function; {@code callsByDay} the same per day, shaped for a chart (one entry per day with calls, in
 * date order); {@code days} every counter, per day, function and route.
 */
@RegisterForReflection
public record UsageReport(String county, String month, long totalCalls, Map<String, Long> callsByFunction,
                          List<FunctionDay> callsByDay, List<UsageCount> days) {

    @RegisterForReflection
    public record FunctionDay(LocalDate day, Map<String, Long> callsByFunction) {
    }
}
