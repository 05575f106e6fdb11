package cn.yiyang.bookings.booking;

/** What a visit costs, in fen: the service's price, the subsidy's share of it, and what the resident pays. */
public record Price(long priceFen, long subsidyFen, long payFen) {

    public static final int PERCENT_MAX = 100;

    /** The subsidy is the percentage of the price, rounded down to the fen; never more than the price. */
    public static Price of(long priceFen, int subsidyPercent) {
        if (priceFen < 0 || subsidyPercent < 0 || subsidyPercent > PERCENT_MAX) {
            throw new IllegalArgumentException("price " + priceFen + " fen, subsidy " + subsidyPercent + "%");
        }
        long subsidyFen = priceFen * subsidyPercent / PERCENT_MAX;
        return new Price(priceFen, subsidyFen, priceFen - subsidyFen);
    }
}
