package cn.yiyang.bookings.booking;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where a booking's time goes, for the harness (YIYANG_BOOKING_STEP_TIMES=true; off by default): the
 * microseconds from one step's end to the next, logged as one line per booking that BookingBenchmark
 * reads back. A Lambda serves one request at a time, so one booking's marks are kept at once; with the
 * flag off nothing is kept or logged.
 */
@ApplicationScoped
public class BookingStepTimes {

    /** The steps in the order they end; each one's time runs from the end of the one before. */
    public enum Step {
        /** BEGIN, the Idempotency-Key's lock and its record read (before the booking's own work). */
        KEY,
        /** The service, the county's settings and the providers. */
        READS,
        /** Waiting for the resident card beyond the reads (0 when it was back first). */
        CARD_WAIT,
        /** The place in the provider's window and the booking's row, one statement. */
        RESERVE,
        /** The answer's JSON. */
        ANSWER,
        /** The idempotency record and COMMIT. */
        COMMIT,
        /** The booking card's write to DynamoDB. */
        PUBLISH
    }

    private static final Logger LOG = Logger.getLogger(BookingStepTimes.class);
    /** The line's start, as BookingBenchmark looks for it. */
    public static final String LINE = "booking step times (us):";

    private final boolean on;
    private final Map<Step, Long> marks = new EnumMap<>(Step.class);
    private volatile long startedNanos;
    private volatile long cardNanos;

    public BookingStepTimes(@ConfigProperty(name = "yiyang.bookings.step-times", defaultValue = "false") boolean on) {
        this.on = on;
    }

    public void start() {
        if (on) {
            synchronized (marks) {
                marks.clear();
            }
            cardNanos = 0;
            startedNanos = System.nanoTime();
        }
    }

    public void mark(Step step) {
        if (on) {
            synchronized (marks) {
                marks.put(step, System.nanoTime());
            }
        }
    }

    /** The card read's own duration, from its start to its answer. */
    public void cardRead(long nanos) {
        if (on) {
            cardNanos = nanos;
        }
    }

    public long now() {
        return on ? System.nanoTime() : 0;
    }

    /** One line for the booking, if every step was marked (a refusal or a replay has none). */
    public void log() {
        if (!on) {
            return;
        }
        StringBuilder line = new StringBuilder(LINE);
        synchronized (marks) {
            long previous = startedNanos;
            for (Step step : Step.values()) {
                Long at = marks.get(step);
                if (at == null) {
                    return;
                }
                line.append(' ').append(step.name().toLowerCase(java.util.Locale.ROOT)).append('=')
                        .append(Math.max(0, at - previous) / 1_000);
                previous = at;
            }
        }
        line.append(" card_read=").append(cardNanos / 1_000);
        LOG.info(line);
    }
}
