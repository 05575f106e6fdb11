package cn.yiyang.bookings.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The times at the door without a door: visit length, the short-visit flag, cancellation before and late. */
class VisitClockTest {

    private static final OffsetDateTime TEN = OffsetDateTime.parse("2026-12-02T10:00:00+08:00");

    @ParameterizedTest(name = "checked out {0} s after check-in: {1} minutes")
    @CsvSource({
            "0, 0",
            "1, 1",
            "59, 1",
            "60, 1",
            "61, 2",
            "1080, 18",
            "3600, 60",
            "-30, 0",
    })
    void aVisitLasts_everyStartedMinute_andNeverLessThanZero(long seconds, int minutes) {
        assertThat(VisitClock.actualMinutes(TEN, TEN.plusSeconds(seconds))).isEqualTo(minutes);
    }

    @ParameterizedTest(name = "{0} of {1} minutes: flagged {2}")
    @CsvSource({
            "18, 60, true",
            "29, 60, true",
            "30, 60, false",
            "60, 60, false",
            "0, 20, true",
            "9, 20, true",
            "10, 20, false",
            "10, 21, true",
            "11, 21, false",
            "90, 60, false",
    })
    void aVisit_underHalfTheServicesDuration_isFlaggedShort(int actual, int duration, boolean flagged) {
        assertThat(VisitClock.isShort(actual, duration)).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "{0} minutes before the start: started {1}")
    @CsvSource({
            "60, false",
            "1, false",
            "0, true",
            "-1, true",
    })
    void aVisit_hasStarted_fromItsStartTimeOn(int minutesBefore, boolean started) {
        assertThat(VisitClock.hasStarted(TEN, TEN.minusMinutes(minutesBefore))).isEqualTo(started);
    }

    @ParameterizedTest(name = "cancelled {0} minutes before, late after {1}: {2}")
    @CsvSource({
            "121, 120, false",
            "120, 120, false",
            "119, 120, true",
            "60, 120, true",
            "1, 0, false",
            "1440, 1440, false",
            "1439, 1440, true",
    })
    void aCancellation_isLate_withinTheCountysLateCancellationTime(int minutesBefore, int lateCancelMinutes, boolean late) {
        assertThat(VisitClock.isLateCancellation(TEN, TEN.minusMinutes(minutesBefore), lateCancelMinutes)).isEqualTo(late);
    }
}
