package cn.yiyang.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * In every Quarkus test application (this module is indexed for bean discovery): the clock is
 * {@link MutableClock}, real time unless a scenario moves it past a cut-off or the end of a slot.
 */
@ApplicationScoped
public class TestClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return MutableClock.INSTANCE;
    }
}
