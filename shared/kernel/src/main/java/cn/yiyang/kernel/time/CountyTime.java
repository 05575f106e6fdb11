package cn.yiyang.kernel.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The counties' clock: days, cut-offs and every time in an answer are Asia/Shanghai. Times are
 * kept to the millisecond, which is what the stores give back, so an answer given at creation
 * and one read later show the same instant the same way.
 */
public final class CountyTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CountyTime() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZONE).truncatedTo(ChronoUnit.MILLIS);
    }

    public static LocalDateTime localNow(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** A stored time as answers show it, whatever offset the store handed back. */
    public static OffsetDateTime shown(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
