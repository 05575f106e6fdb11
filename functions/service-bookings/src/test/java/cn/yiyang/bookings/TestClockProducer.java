package cn.yiyang.bookings;

import cn.yiyang.testing.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the system clock so scenarios can pass a cut-off or the end of a slot. */
@ApplicationScoped
public class TestClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return MutableClock.INSTANCE;
    }
}
