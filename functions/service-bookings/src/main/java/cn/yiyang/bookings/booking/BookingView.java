package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.catalog.Channel;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.time.CountyTime;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@RegisterForReflection
public record BookingView(UUID id, String county, String residentId, String serviceCode, UUID providerId,
                          @Nullable UUID caregiverId, OffsetDateTime startsAt, int durationMinutes, String address,
                          long priceFen, long subsidyFen, long payFen, boolean emergency, BookingStatus status,
                          Channel channel, String bookedBy, String confirmationCode,
                          @Nullable OffsetDateTime checkedInAt, @Nullable String checkInPlace,
                          @Nullable OffsetDateTime checkedOutAt, @Nullable Integer actualMinutes, boolean flaggedShort,
                          @Nullable Integer rating, @Nullable String ratingComment, boolean cancelledLate,
                          @Nullable String noShowReason, @Nullable String paidByExchange, OffsetDateTime createdAt) {

    public static BookingView of(Booking b) {
        return new BookingView(b.id, b.county, b.residentId, b.serviceCode, b.providerId, b.caregiverId,
                CountyTime.shown(b.startsAt), b.durationMinutes, b.address, b.priceFen, b.subsidyFen, b.payFen,
                b.emergency, b.status, b.channel, b.bookedBy, b.confirmationCode, CountyTime.shown(b.checkedInAt),
                b.checkInPlace, CountyTime.shown(b.checkedOutAt), b.actualMinutes, b.flaggedShort, b.rating,
                b.ratingComment, b.cancelledLate, b.noShowReason, b.paidByExchange, CountyTime.shown(b.createdAt));
    }

    @RegisterForReflection
    public record Page(List<BookingView> items) {
        public static Page of(List<Booking> bookings) {
            return new Page(bookings.stream().map(BookingView::of).toList());
        }
    }
}
