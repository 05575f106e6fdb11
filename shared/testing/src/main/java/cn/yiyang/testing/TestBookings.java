package cn.yiyang.testing;

import cn.yiyang.cards.bookings.BookingCards;
import io.quarkus.arc.Arc;
import java.util.UUID;

/**
 * Bookings for the time bank's tests: their cards, written as service-bookings publishes them once a
 * booking commits (and closes or cancels them as its later steps do), through the application's own bean.
 */
public final class TestBookings {

    private TestBookings() {
    }

    /** A committed booking of this resident and service with this provider: its id. */
    public static String publish(String county, String residentId, String serviceCode, String providerId) {
        String id = UUID.randomUUID().toString();
        cards().publish(county, id, residentId, serviceCode, providerId);
        return id;
    }

    /** The visit started (check-in): no voucher pays it any more. */
    public static void start(String county, String bookingId) {
        cards().closeForVouchers(county, bookingId);
    }

    /** The booking's cancellation committed. */
    public static void cancel(String county, String bookingId) {
        cards().closeForVouchers(county, bookingId);
        cards().markCancelled(county, bookingId);
    }

    private static BookingCards cards() {
        return Arc.container().instance(BookingCards.class).get();
    }
}
