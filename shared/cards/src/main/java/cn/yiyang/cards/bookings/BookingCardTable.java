package cn.yiyang.cards.bookings;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Booking cards: {@code pk = <county>#<bookingId>}, {@code sk = CARD}; no index. See {@link BookingCards}. */
@ApplicationScoped
public class BookingCardTable implements DynamoTable {

    @Override
    public String logicalName() {
        return "booking-cards";
    }

    @Override
    public List<String> indexes() {
        return List.of();
    }
}
