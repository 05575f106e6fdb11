package cn.yiyang.bookings.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** 助急 overdue without a door: only an emergency, only unassigned, only once the county's assignment time has passed. */
class EmergencyOverdueTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T10:00:00+08:00");

    @ParameterizedTest(name = "made {0} s ago, {1} minutes to assign: overdue {2}")
    @CsvSource({
            "0, 30, false",
            "1740, 30, false",
            "1800, 30, false",
            "1801, 30, true",
            "1860, 30, true",
            "61, 1, true",
            "60, 1, false",
            "86401, 1440, true",
    })
    void anUnassignedEmergency_isOverdue_onlyAfterTheAssignmentTime(long secondsAgo, int assignMinutes, boolean overdue) {
        OffsetDateTime createdAt = NOW.minusSeconds(secondsAgo);

        assertThat(EmergencyOverdue.isOverdue(true, BookingStatus.REQUESTED, createdAt, NOW, assignMinutes)).isEqualTo(overdue);
        assertThat(createdAt.isBefore(EmergencyOverdue.madeBefore(NOW, assignMinutes)))
                .as("the operators' list selects by the same instant").isEqualTo(overdue);
    }

    @ParameterizedTest
    @EnumSource(value = BookingStatus.class, names = "REQUESTED", mode = EnumSource.Mode.EXCLUDE)
    void anEmergency_thatIsNoLongerRequested_isNeverOverdue(BookingStatus status) {
        assertThat(EmergencyOverdue.isOverdue(true, status, NOW.minusDays(1), NOW, 30)).isFalse();
    }

    @ParameterizedTest(name = "made {0} minutes ago")
    @CsvSource({"31", "600", "10000"})
    void anOrdinaryBooking_isNeverOverdue_howeverLongItWaits(int minutesAgo) {
        assertThat(EmergencyOverdue.isOverdue(false, BookingStatus.REQUESTED, NOW.minusMinutes(minutesAgo), NOW, 30)).isFalse();
    }
}
