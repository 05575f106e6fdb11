package cn.yiyang.cards.bookings;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Booking cards: {@code pk = <county>#<bookingId>}, {@code sk = CARD}; and the cancelled cards the time
 * bank has not yet looked at for a paying voucher, by county: {@code by-cancellationpk = <county>},
 * {@code by-cancellationsk = <bookingId>} (sparse: set when the cancellation is marked, removed once
 * the time bank has settled the card). See {@link BookingCards}.
 */
@ApplicationScoped
public class BookingCardTable implements DynamoTable {

    public static final String BY_CANCELLATION = "by-cancellation";

    @Override
    public String logicalName() {
        return "booking-cards";
    }

    @Override
    public List<String> indexes() {
        return List.of(BY_CANCELLATION);
    }
}
