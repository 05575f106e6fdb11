package cn.yiyang.bookings.booking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.Outcome;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a visit may start, and the hourly capacity window it takes a place in, without a door. */
class BookingSlotTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T10:00:00+08:00");

    @ParameterizedTest(name = "{0} minutes ahead, emergency {1}, notice {2}: {3}")
    @CsvSource({
            "-60, false, 120, BOOKING_IN_THE_PAST",
            "0, false, 120, BOOKING_IN_THE_PAST",
            "0, true, 0, BOOKING_IN_THE_PAST",
            "1, false, 120, BOOKING_TOO_SOON",
            "119, false, 120, BOOKING_TOO_SOON",
            "120, false, 120, OK",
            "1, true, 120, OK",
            "30, true, 10080, OK",
            "1, false, 0, OK",
            "43200, false, 120, OK",
            "43201, false, 120, BOOKING_IN_THE_PAST",
            "43201, true, 0, BOOKING_IN_THE_PAST",
    })
    void aStart_mustBeAhead_withinThirtyDays_andWithNoticeUnlessAnEmergency(int minutesAhead, boolean emergency,
                                                                           int minNoticeMinutes, String expected) {
        assertThat(Outcome.of(() -> BookingSlot.checkStart(NOW.plusMinutes(minutesAhead), emergency, minNoticeMinutes, NOW)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} counts in the window of {1}")
    @CsvSource({
            "2026-12-03T10:00:00+08:00, 2026-12-03T02:00Z",
            "2026-12-03T10:35:00+08:00, 2026-12-03T02:00Z",
            "2026-12-03T10:59:59.999+08:00, 2026-12-03T02:00Z",
            "2026-12-03T11:00:00+08:00, 2026-12-03T03:00Z",
            "2026-12-03T02:35:00Z, 2026-12-03T02:00Z",
            "2026-12-03T07:20:00+05:45, 2026-12-03T01:00Z",
            "2026-12-03T07:59:00+08:00, 2026-12-02T23:00Z",
    })
    void aVisit_countsInTheClockHourItStartsIn_whateverOffsetItWasGivenIn(String startsAt, String window) {
        assertThat(BookingSlot.windowOf(OffsetDateTime.parse(startsAt))).isEqualTo(OffsetDateTime.parse(window));
    }
}
