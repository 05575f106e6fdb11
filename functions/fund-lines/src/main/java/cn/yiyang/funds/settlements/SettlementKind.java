package cn.yiyang.funds.settlements;

import cn.yiyang.funds.accounts.PayeeType;

/**
 * What a settlement pays for, from which fund line, to whom. The kind is also the transfers'
 * {@code cause_type}, and each transfer's {@code cause_ref} is its settlement key.
 */
public enum SettlementKind {
    /** Served subsidised meals of one meal point and day → 助餐补贴 to the point's operator. */
    MEAL("MEAL_SUBSIDY", PayeeType.MEAL_POINT),
    /** Completed subsidised bookings of one provider and month → 服务补贴 to the provider. */
    BOOKING("SERVICE_SUBSIDY", PayeeType.PROVIDER);

    private final String fundLine;
    private final PayeeType payeeType;

    SettlementKind(String fundLine, PayeeType payeeType) {
        this.fundLine = fundLine;
        this.payeeType = payeeType;
    }

    public String fundLine() {
        return fundLine;
    }

    public PayeeType payeeType() {
        return payeeType;
    }

    public String causeType() {
        return name();
    }
}
