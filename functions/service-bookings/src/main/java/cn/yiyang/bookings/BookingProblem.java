package cn.yiyang.bookings;

import cn.yiyang.kernel.problem.ProblemCode;

/** The booking function's refusals, each with a plain-Chinese message in messages/problems-bookings.properties. */
public enum BookingProblem implements ProblemCode {
    BOOKING_NO_CAPACITY(409),
    BOOKING_NO_PROVIDER(409),
    BOOKING_TOO_SOON(422),
    BOOKING_IN_THE_PAST(422),
    BOOKING_ILLEGAL_TRANSITION(409),
    CAREGIVER_BUSY(409),
    CAREGIVER_NOT_CERTIFIED(409),
    CAREGIVER_OFF_DUTY(409),
    SERVICE_NOT_OFFERED(409);

    private final int httpStatus;

    BookingProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String messages() {
        return "messages/problems-bookings.properties";
    }
}
