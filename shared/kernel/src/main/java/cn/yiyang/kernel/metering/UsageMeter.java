package cn.yiyang.kernel.metering;

import java.time.LocalDate;

/**
 * Counts calls per county, function, route and day, for the monthly pay-per-use bill. The request path
 * only writes the call down ({@link #count}: a log line, no store call, no wait); the counters are
 * aggregated from those lines later, exactly once.
 */
public interface UsageMeter {

    void count(UsageLine call);

    record UsageCount(LocalDate day, String function, String route, long calls) {
    }
}
