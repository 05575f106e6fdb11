package cn.yiyang.meals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The county's clock: cut-offs and days are in Asia/Shanghai. */
public final class MealTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private MealTime() {
    }

    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static OffsetDateTime stamp(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZONE).truncatedTo(ChronoUnit.MILLIS);
    }
}
