package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/**
 * The booking routes' requests: path, query and body of one route in one record. {@code id} is
 * always the booking (or provider, caregiver) in the path.
 */
public final class BookingRequests {

    private BookingRequests() {
    }

    /** {@code POST /v1/bookings}: without {@code address}, the resident's own; without {@code providerId}, any provider serving the street. */
    @RegisterForReflection
    public record Book(String residentId, String serviceCode, OffsetDateTime startsAt,
                       @Text(maxChars = BookingInput.ADDRESS_CHARS_MAX) String address, String providerId) {
    }

    /** {@code GET /v1/booking-times?residentId=&serviceCode=&date=YYYY-MM-DD}: the hours on offer with their places left. */
    @RegisterForReflection
    public record Times(String residentId, String serviceCode, String date) {
    }

    /**
     * {@code GET /v1/bookings/overdue}: the 助急 calls unassigned past the county's assignment time;
     * {@code ?all=true}: every unassigned 助急 call, the overdue ones first (they waited longest), for the 助急 board.
     */
    @RegisterForReflection
    public record Unassigned(Boolean all) {
    }

    /** {@code GET /v1/bookings?residentId=} for the resident and those acting for them; {@code ?confirmationCode=} for the hotline. */
    @RegisterForReflection
    public record Find(String residentId, String confirmationCode) {
    }

    /** {@code GET /v1/providers/{id}/days/{date}} and {@code /v1/caregivers/{id}/days/{date}}: one date, {@code YYYY-MM-DD}. */
    @RegisterForReflection
    public record Day(String id, String date) {
    }

    /**
     * {@code GET /v1/providers/{id}/bookings?from=YYYY-MM-DD&days=}: the provider desk's open bookings
     * starting on {@code days} dates from {@code from} (today and {@link ProviderDesk#DAYS_DEFAULT} when absent).
     */
    @RegisterForReflection
    public record OpenBookings(String id, String from, Integer days) {
    }

    /** {@code GET /v1/booking-reports/services} and {@code /emergency-response}: dates {@code from} to {@code to}, both included. */
    @RegisterForReflection
    public record DateRange(String from, String to) {
    }

    /** {@code GET /v1/booking-settlements?month=YYYY-MM}. */
    @RegisterForReflection
    public record SettlementMonth(String month) {
    }

    @RegisterForReflection
    public record Assign(String id, String caregiverId) {
    }

    /** Where the caregiver checked in, optional: {@code "30.2741,120.1551"}. */
    @RegisterForReflection
    public record CheckIn(String id, String place) {
    }

    @RegisterForReflection
    public record Rate(String id, int rating, @Text(maxChars = BookingInput.COMMENT_CHARS_MAX) String comment) {
    }

    @RegisterForReflection
    public record NoShow(String id, @Text(maxChars = BookingInput.COMMENT_CHARS_MAX) String reason) {
    }
}
