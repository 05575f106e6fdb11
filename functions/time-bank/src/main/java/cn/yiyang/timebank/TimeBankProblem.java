package cn.yiyang.timebank;

import cn.yiyang.kernel.problem.ProblemCode;

/** The time bank's refusals, each with a plain-Chinese message in messages/problems-time-bank.properties. */
public enum TimeBankProblem implements ProblemCode {
    VOLUNTEER_EXISTS(409),
    VOLUNTEER_NOT_REGISTERED(409),
    VOLUNTEER_AGE_OUT_OF_RANGE(422),
    VOLUNTEER_NOT_VERIFIED(403),
    SERVICE_RECORD_OVERLAP(409),
    DAILY_CAP_EXCEEDED(422),
    SELF_SERVICE(422),
    SERVICE_TO_OWN_FAMILY(422),
    OWN_RECORD_NOT_CONFIRMABLE(403),
    SERVICE_RECORD_IN_FUTURE(422),
    SERVICE_RECORD_NOT_PENDING(409),
    SERVICE_RECORD_EXPIRED(409),
    INSUFFICIENT_POINTS(409),
    OUT_OF_STOCK(409),
    EXCHANGE_NOT_CANCELLABLE(409),
    EXCHANGE_NOT_REDEEMABLE(409),
    VOUCHER_BOOKING_MISMATCH(422),
    BOOKING_ALREADY_PAID(409),
    BOOKING_NOT_PAYABLE(409),
    GIFT_RECIPIENT_NOT_FAMILY(422),
    GIFT_CAP_EXCEEDED(422),
    GRANT_NOT_PRIORITY(422),
    POOL_INSUFFICIENT(409);

    private final int httpStatus;

    TimeBankProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String messages() {
        return "messages/problems-time-bank.properties";
    }
}
