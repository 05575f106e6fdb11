package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.catalog.CareService;
import cn.yiyang.cards.residents.ResidentCard;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a visit costs, in fen: the service's price, the share of it the resident's categories earn, that subsidy,
 * and what the resident pays. Booking records it and the booking times show it before: priced in one place, so
 * what the hotline reads out is what is booked.
 */
@RegisterForReflection
public record Price(long priceFen, int subsidyPercent, long subsidyFen, long payFen) {

    public static final int PERCENT_MAX = 100;

    /** The service's price for this resident: the largest share any of their categories earns. */
    public static Price of(CareService service, ResidentCard resident) {
        return of(service.priceFen, service.subsidyPercentFor(resident.categories()));
    }

    /** The subsidy is the percentage of the price, rounded down to the fen; never more than the price. */
    public static Price of(long priceFen, int subsidyPercent) {
        if (priceFen < 0 || subsidyPercent < 0 || subsidyPercent > PERCENT_MAX) {
            throw new IllegalArgumentException("price " + priceFen + " fen, subsidy " + subsidyPercent + "%");
        }
        long subsidyFen = priceFen * subsidyPercent / PERCENT_MAX;
        return new Price(priceFen, subsidyPercent, subsidyFen, priceFen - subsidyFen);
    }
}
