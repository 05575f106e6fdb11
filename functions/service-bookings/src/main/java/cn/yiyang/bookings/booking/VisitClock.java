package cn.yiyang.bookings.booking;

import java.time.Duration;
import java.time.OffsetDateTime;

/** What the times at the door mean: how long a visit lasted, whether it was far too short, whether a cancellation was late. */
public final class VisitClock {

    /** A visit shorter than this share of the service's duration is flagged for the supervisor. */
    public static final int SHORT_VISIT_PERCENT = 50;

    private VisitClock() {
    }

    /** Whole minutes from check-in to check-out, any started minute counted; never negative. */
    public static int actualMinutes(OffsetDateTime checkedIn, OffsetDateTime checkedOut) {
        long seconds = Duration.between(checkedIn, checkedOut).toSeconds();
        return (int) Math.max(0, (seconds + 59) / 60);
    }

    /** Far shorter than the service takes: under {@value #SHORT_VISIT_PERCENT}% of its duration. */
    public static boolean isShort(int actualMinutes, int durationMinutes) {
        return actualMinutes * 100L < (long) durationMinutes * SHORT_VISIT_PERCENT;
    }

    /** A booking can be cancelled only before its visit starts. */
    public static boolean hasStarted(OffsetDateTime startsAt, OffsetDateTime now) {
        return !now.isBefore(startsAt);
    }

    /** Cancelled within the county's late-cancellation time before the start. */
    public static boolean isLateCancellation(OffsetDateTime startsAt, OffsetDateTime now, int lateCancelMinutes) {
        return now.isAfter(startsAt.minusMinutes(lateCancelMinutes));
    }
}
