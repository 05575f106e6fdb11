package cn.yiyang.bookings.booking;

import java.util.Map;
import java.util.Set;

/**
 * REQUESTED → ASSIGNED → IN_SERVICE (check-in) → COMPLETED (check-out) → RATED; or CANCELLED
 * before the visit starts, NO_SHOW when the caregiver finds nobody. Nothing else is allowed.
 */
public enum BookingStatus {
    REQUESTED, ASSIGNED, IN_SERVICE, COMPLETED, RATED, CANCELLED, NO_SHOW;

    private static final Map<BookingStatus, Set<BookingStatus>> NEXT = Map.of(
            REQUESTED, Set.of(ASSIGNED, CANCELLED),
            ASSIGNED, Set.of(IN_SERVICE, CANCELLED, NO_SHOW),
            IN_SERVICE, Set.of(COMPLETED),
            COMPLETED, Set.of(RATED),
            RATED, Set.of(),
            CANCELLED, Set.of(),
            NO_SHOW, Set.of());

    public boolean mayBecome(BookingStatus next) {
        return NEXT.get(this).contains(next);
    }
}
