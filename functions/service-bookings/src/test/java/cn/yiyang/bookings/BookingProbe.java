package cn.yiyang.bookings;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.UUID;

/** Reads straight from PostgreSQL what the API does not show: window counters, overlapping visits. */
public final class BookingProbe {

    private BookingProbe() {
    }

    public static long booked(String street) {
        return number("""
                select coalesce(sum(w.booked), 0) from bookings.provider_window w
                join bookings.provider p on p.id = w.provider_id where p.streets = ?1""", street);
    }

    /** The booking rows of the street's providers: one per place taken, whatever the race. */
    public static long bookingRows(String street) {
        return number("""
                select count(*) from bookings.booking b
                join bookings.provider p on p.id = b.provider_id where p.streets = ?1""", street);
    }

    public static long overlappingVisits(String caregiverId) {
        return number("""
                select count(*) from bookings.caregiver_visit a join bookings.caregiver_visit b
                  on a.caregiver_id = b.caregiver_id and a.booking_id < b.booking_id and a.during && b.during
                where a.caregiver_id = ?1""", UUID.fromString(caregiverId));
    }

    private static long number(String sql, Object parameter) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .flatMap(s -> s.createNativeQuery(sql, Long.class).setParameter(1, parameter).getSingleResult())));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
