package cn.yiyang.stores.pg.settlements;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;

/**
 * One completed subsidised visit behind a (provider, month) settlement: 笔笔可查 down to the visit.
 * {@code flaggedShort}: service-bookings found it far shorter than the service's duration.
 */
@RegisterForReflection
public record CompletedVisit(String bookingId, String providerId, String residentId, LocalDate date, long subsidyFen, boolean flaggedShort) {
}
