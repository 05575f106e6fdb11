package cn.yiyang.stores.metering;

import cn.yiyang.kernel.metering.UsageMeter.UsageCount;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** A county's metered calls for one month: the basis of its pay-per-use bill. */
@RegisterForReflection
public record UsageReport(String county, String month, long totalCalls, Map<String, Long> callsByFunction,
                          List<UsageCount> days) {
}
