package cn.yiyang.bookings;

import cn.yiyang.bookings.booking.BookingQueries;
import cn.yiyang.bookings.booking.BookingReports;
import cn.yiyang.bookings.booking.BookingService;
import cn.yiyang.bookings.booking.BookingTimes;
import cn.yiyang.bookings.booking.ProviderDesk;
import cn.yiyang.bookings.booking.VisitService;
import jakarta.inject.Singleton;

/** The bookings themselves: making one, its visit's steps, the lists people work from, the provider desk and the officer's reports. */
@Singleton
public class BookingServices {

    private final BookingService booking;
    private final VisitService visits;
    private final BookingQueries queries;
    private final ProviderDesk desk;
    private final BookingReports reports;
    private final BookingTimes times;

    public BookingServices(BookingService booking, VisitService visits, BookingQueries queries, ProviderDesk desk,
                           BookingReports reports, BookingTimes times) {
        this.booking = booking;
        this.visits = visits;
        this.queries = queries;
        this.desk = desk;
        this.reports = reports;
        this.times = times;
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

    public ProviderDesk desk() {
        return desk;
    }

    public BookingReports reports() {
        return reports;
    }

    public BookingTimes times() {
        return times;
    }
}
