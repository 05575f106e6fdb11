package cn.yiyang.bookings;

import cn.yiyang.bookings.booking.BookingQueries;
import cn.yiyang.bookings.booking.BookingService;
import cn.yiyang.bookings.booking.VisitService;
import jakarta.inject.Singleton;

/** The bookings themselves: making one, its visit's steps, and the lists people work from. */
@Singleton
public class BookingServices {

    private final BookingService booking;
    private final VisitService visits;
    private final BookingQueries queries;

    public BookingServices(BookingService booking, VisitService visits, BookingQueries queries) {
        this.booking = booking;
        this.visits = visits;
        this.queries = queries;
    }

    public BookingService booking() {
        return booking;
    }

    public VisitService visits() {
        return visits;
    }

    public BookingQueries queries() {
        return queries;
    }
}
