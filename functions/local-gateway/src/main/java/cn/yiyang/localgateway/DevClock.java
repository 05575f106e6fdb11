package cn.yiyang.localgateway;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local gateway's clock: real time, moved forward only through {@code POST /dev/clock?offsetMinutes=N},
 * a route that exists only when started with {@code -Dyiyang.dev.clock.enabled=true} (as the console's
 * end-to-end test starts it, to serve tomorrow's lunch on its day). Tokens are still checked against
 * real time. The tests' applications keep their own MutableClock, so this bean is not built for them.
 */
@ApplicationScoped
@UnlessBuildProfile("test")
public class DevClock {

    /** A week: enough to reach any day a demo menu is published for. */
    static final long OFFSET_MINUTES_MAX = 7L * 24 * 60;

    private static final AtomicLong OFFSET_MINUTES = new AtomicLong();

    private final boolean enabled;

    public DevClock(@ConfigProperty(name = "yiyang.dev.clock.enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @Produces
    @Singleton
    Clock clock() {
        return new Offset();
    }

    void routes(@Observes Router router) {
        if (enabled) {
            router.post("/dev/clock").handler(this::set);
        }
    }

    private void set(RoutingContext context) {
        try {
            long minutes = Long.parseLong(context.queryParams().get("offsetMinutes"));
            if (minutes < 0 || minutes > OFFSET_MINUTES_MAX) {
                throw new IllegalArgumentException("out of range");
            }
            OFFSET_MINUTES.set(minutes);
            context.response().putHeader("content-type", "text/plain; charset=utf-8")
                    .end("offsetMinutes=" + minutes + " now=" + new Offset().instant() + "\n");
        } catch (RuntimeException e) {
            context.response().setStatusCode(400).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("usage: POST /dev/clock?offsetMinutes=0.." + OFFSET_MINUTES_MAX + "\n");
        }
    }

    /** System UTC time plus the offset set through the route (zero unless it was enabled and used). */
    private static final class Offset extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), Duration.ofMinutes(OFFSET_MINUTES.get()));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(Duration.ofMinutes(OFFSET_MINUTES.get()));
        }
    }
}
