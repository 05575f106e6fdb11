package cn.yiyang.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: real time unless a test moves it (to pass a cut-off, to end
 * a slot), always put back by {@link #reset()}. A module's test sources produce it as the
 * {@link Clock} bean, which replaces the system clock.
 */
public final class MutableClock extends Clock {

    public static final MutableClock INSTANCE = new MutableClock();

    private volatile Duration offset = Duration.ZERO;

    private MutableClock() {
    }

    public void setTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
