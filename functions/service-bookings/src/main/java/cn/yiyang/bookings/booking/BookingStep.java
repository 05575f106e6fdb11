package cn.yiyang.bookings.booking;

/** What someone does to a booking after it is made, and the status it leads to. */
public enum BookingStep {
    ASSIGN(BookingStatus.ASSIGNED),
    CHECK_IN(BookingStatus.IN_SERVICE),
    CHECK_OUT(BookingStatus.COMPLETED),
    RATE(BookingStatus.RATED),
    CANCEL(BookingStatus.CANCELLED),
    NO_SHOW(BookingStatus.NO_SHOW);

    private final BookingStatus leadsTo;

    BookingStep(BookingStatus leadsTo) {
        this.leadsTo = leadsTo;
    }

    public BookingStatus leadsTo() {
        return leadsTo;
    }
}
