package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.kernel.problem.ApiException;

/**
 * The booking's state machine as a rule: which step a booking in a given status may take, and
 * the 409 every other step gets. The transitions themselves are {@link BookingStatus}'s table.
 */
public final class BookingLifecycle {

    private BookingLifecycle() {
    }

    /** The status the step leads to, or BOOKING_ILLEGAL_TRANSITION when the booking cannot take it now. */
    public static BookingStatus next(BookingStatus current, BookingStep step) {
        BookingStatus next = step.leadsTo();
        if (!current.mayBecome(next)) {
            throw new ApiException(BookingProblem.BOOKING_ILLEGAL_TRANSITION,
                    "A " + current + " booking cannot become " + next);
        }
        return next;
    }
}
