package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.kernel.problem.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When a visit may start, and which capacity window it takes a place in: not in the past, at most
 * {@value #DAYS_AHEAD_MAX} days ahead, with the county's notice unless it is an emergency; each
 * provider has a capacity per clock hour.
 */
public final class BookingSlot {

    public static final int DAYS_AHEAD_MAX = 30;

    private BookingSlot() {
    }

    /** Refuses a start the rules do not allow, with the code that says why. */
    public static void checkStart(OffsetDateTime startsAt, boolean emergency, int minNoticeMinutes, OffsetDateTime now) {
        if (!startsAt.isAfter(now)) {
            throw new ApiException(BookingProblem.BOOKING_IN_THE_PAST, "The visit would start in the past");
        }
        if (startsAt.isAfter(now.plusDays(DAYS_AHEAD_MAX))) {
            throw new ApiException(BookingProblem.BOOKING_IN_THE_PAST, "Bookings are taken up to " + DAYS_AHEAD_MAX + " days ahead");
        }
        if (!emergency && startsAt.isBefore(now.plusMinutes(minNoticeMinutes))) {
            throw new ApiException(BookingProblem.BOOKING_TOO_SOON,
                    "This service needs " + minNoticeMinutes + " minutes' notice");
        }
    }

    /** The capacity window a visit starting then counts in: its clock hour, in UTC. */
    public static OffsetDateTime windowOf(OffsetDateTime startsAt) {
        return startsAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    }
}
