package cn.yiyang.kernel.metering;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Counts calls per county, function, route and day, for the monthly pay-per-use bill. */
public interface UsageMeter {

    void count(String county, String function, String routeKey, LocalDate day);

    List<UsageCount> month(String county, YearMonth month);

    record UsageCount(LocalDate day, String function, String route, long calls) {
    }
}
