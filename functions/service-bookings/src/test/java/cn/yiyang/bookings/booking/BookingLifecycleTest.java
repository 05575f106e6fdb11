package cn.yiyang.bookings.booking;

import static cn.yiyang.bookings.booking.BookingStatus.ASSIGNED;
import static cn.yiyang.bookings.booking.BookingStatus.CANCELLED;
import static cn.yiyang.bookings.booking.BookingStatus.COMPLETED;
import static cn.yiyang.bookings.booking.BookingStatus.IN_SERVICE;
import static cn.yiyang.bookings.booking.BookingStatus.NO_SHOW;
import static cn.yiyang.bookings.booking.BookingStatus.RATED;
import static cn.yiyang.bookings.booking.BookingStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The booking state machine without a door: every status against every step, and every pair of statuses. */
class BookingLifecycleTest {

    /** The design's lifecycle, written out here rather than read from the code under test. */
    private static final Map<BookingStatus, List<BookingStatus>> LEGAL = Map.of(
            REQUESTED, List.of(ASSIGNED, CANCELLED),
            ASSIGNED, List.of(IN_SERVICE, CANCELLED, NO_SHOW),
            IN_SERVICE, List.of(COMPLETED),
            COMPLETED, List.of(RATED),
            RATED, List.of(),
            CANCELLED, List.of(),
            NO_SHOW, List.of());

    static Stream<Arguments> everyStatusAndStep() {
        List<Arguments> cases = new ArrayList<>();
        for (BookingStatus status : BookingStatus.values()) {
            for (BookingStep step : BookingStep.values()) {
                boolean legal = LEGAL.get(status).contains(step.leadsTo());
                cases.add(Arguments.of(status, step, legal ? step.leadsTo().name() : "BOOKING_ILLEGAL_TRANSITION"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on a {0} booking: {2}")
    @MethodSource("everyStatusAndStep")
    void aStep_leadsToItsStatus_onlyFromTheStatusesTheLifecycleAllows(BookingStatus status, BookingStep step,
                                                                       String expected) {
        String[] next = new String[1];
        String outcome = Outcome.of(() -> next[0] = BookingLifecycle.next(status, step).name());

        assertThat(outcome.equals(Outcome.OK) ? next[0] : outcome).isEqualTo(expected);
    }

    static Stream<Arguments> everyPairOfStatuses() {
        List<Arguments> pairs = new ArrayList<>();
        for (BookingStatus from : BookingStatus.values()) {
            for (BookingStatus to : BookingStatus.values()) {
                pairs.add(Arguments.of(from, to, LEGAL.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("everyPairOfStatuses")
    void aStatus_mayBecomeExactlyItsSuccessors(BookingStatus from, BookingStatus to, boolean legal) {
        assertThat(from.mayBecome(to)).isEqualTo(legal);
    }

    @Test
    void theWholeLifecycle_walksFromRequestedToRated_andEndsThere() {
        BookingStatus status = REQUESTED;
        for (BookingStep step : List.of(BookingStep.ASSIGN, BookingStep.CHECK_IN, BookingStep.CHECK_OUT, BookingStep.RATE)) {
            status = BookingLifecycle.next(status, step);
        }

        assertThat(status).isEqualTo(RATED);
        for (BookingStep step : BookingStep.values()) {
            BookingStatus rated = status;
            assertThat(Outcome.of(() -> BookingLifecycle.next(rated, step))).isEqualTo("BOOKING_ILLEGAL_TRANSITION");
        }
    }
}
