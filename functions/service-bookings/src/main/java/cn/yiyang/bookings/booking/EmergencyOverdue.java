package cn.yiyang.bookings.booking;

import java.time.OffsetDateTime;

/**
 * 助急 bookings skip the queue and must be assigned within the county's assignment time; one
 * still REQUESTED after it is overdue and shows up for operators.
 */
public final class EmergencyOverdue {

    private EmergencyOverdue() {
    }

    /** Emergencies made before this instant and still unassigned are overdue now. */
    public static OffsetDateTime madeBefore(OffsetDateTime now, int assignMinutes) {
        return now.minusMinutes(assignMinutes);
    }

    public static boolean isOverdue(boolean emergency, BookingStatus status, OffsetDateTime createdAt,
                                    OffsetDateTime now, int assignMinutes) {
        return emergency && status == BookingStatus.REQUESTED && createdAt.isBefore(madeBefore(now, assignMinutes));
    }
}
