package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.access.ObjectKind;

/** What someone does to a booking after it is made, and the status it leads to. */
public enum BookingStep {
    ASSIGN(BookingStatus.ASSIGNED, ObjectKind.BOOKING),
    CHECK_IN(BookingStatus.IN_SERVICE, ObjectKind.VISIT),
    CHECK_OUT(BookingStatus.COMPLETED, ObjectKind.VISIT),
    RATE(BookingStatus.RATED, ObjectKind.BOOKING),
    CANCEL(BookingStatus.CANCELLED, ObjectKind.BOOKING),
    NO_SHOW(BookingStatus.NO_SHOW, ObjectKind.VISIT);

    private final BookingStatus leadsTo;
    private final ObjectKind actsOn;

    BookingStep(BookingStatus leadsTo, ObjectKind actsOn) {
        this.leadsTo = leadsTo;
        this.actsOn = actsOn;
    }

    /** From check-in on, and on cancel or no-show, no voucher pays the booking any more (see BookingCards). */
    public boolean closesVouchers() {
        return this != ASSIGN && this != RATE;
    }

    /** The row of the rule table the step is an action on: the booking, or the visit at the door. */
    public ObjectKind actsOn() {
        return actsOn;
    }

    public BookingStatus leadsTo() {
        return leadsTo;
    }
}
