package cn.yiyang.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Times as the API shows them: Asia/Shanghai, to the millisecond (what the store keeps and gives back). */
public final class ResidentsTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ResidentsTime() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZONE).truncatedTo(ChronoUnit.MILLIS);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static OffsetDateTime shown(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
