package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.timing.StepTimes;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where a booking's time goes, for the harness (YIYANG_BOOKING_STEP_TIMES=true; off by default): the
 * microseconds from one step's end to the next, then the card read's own time, logged as one line per booking
 * that BookingBenchmark reads back ({@link StepTimes}); with the flag off nothing is kept or logged.
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
    /** The side figure after the steps: the card read's own duration. */
    private static final String CARD_READ = "card_read";

    private final StepTimes<Step> times;

    public BookingStepTimes(@ConfigProperty(name = "yiyang.bookings.step-times", defaultValue = "false") boolean on) {
        this.times = StepTimes.wall(on, Step.class, LINE, line -> LOG.info(line), CARD_READ);
    }

    public void start() {
        times.start();
    }

    public void mark(Step step) {
        times.mark(step);
    }

    /** The card read's own duration, from its start to its answer. */
    public void cardRead(long nanos) {
        times.figure(CARD_READ, nanos);
    }

    public long now() {
        return times.now();
    }

    /** One line for the booking, if every step was marked (a refusal or a replay has none). */
    public void log() {
        times.log();
    }

    /** The booking's line, if every step was marked; null otherwise. */
    String line() {
        return times.line();
    }
}
