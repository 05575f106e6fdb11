package cn.yiyang.bookings.booking;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

public final class BookingRequests {

    private BookingRequests() {
    }

    @RegisterForReflection
    public record Book(String residentId, String serviceCode, OffsetDateTime startsAt, String address, String providerId) {
    }

    @RegisterForReflection
    public record Assign(String caregiverId) {
    }

    /** Where the caregiver checked in, optional: {@code "30.2741,120.1551"}. */
    @RegisterForReflection
    public record CheckIn(String place) {
    }

    @RegisterForReflection
    public record Rate(int rating, String comment) {
    }

    @RegisterForReflection
    public record NoShow(String reason) {
    }
}
