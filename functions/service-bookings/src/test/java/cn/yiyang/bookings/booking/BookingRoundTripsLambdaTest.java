package cn.yiyang.bookings.booking;

import static cn.yiyang.bookings.BookingFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.BookingFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.PgWireCounter;
import cn.yiyang.testing.WireCountedStoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What a booking waits for, counted rather than timed: the round trips the service-bookings function
 * makes to PostgreSQL for a warm booking, counted on the wire (each wait for the server is one:
 * statements sent together count once; BEGIN and COMMIT included). README "Round trips per booking"
 * justifies each.
 */
@QuarkusTest
@QuarkusTestResource(value = WireCountedStoresTestResource.class, restrictToAnnotatedClass = true)
class BookingRoundTripsLambdaTest {

    static final long BOOK_ROUND_TRIPS = 7;

    private final Door door = LambdaDoor.ofThisTest();

    @Test
    void aBooking_makesTheCountedRoundTrips() {
        String street = BookingFixtures.newStreet();
        BookingFixtures.catalog(door);
        BookingFixtures.provider(door, street, 5);
        String resident = BookingFixtures.resident(street);
        // the statements' first use: prepared once per connection
        expect(door.send(BookingFixtures.book(BookingFixtures.operator(), resident, "CLEAN", BookingFixtures.tomorrowAt(9, 0))), 201);

        long before = PgWireCounter.sharedRoundTrips(WireCountedStoresTestResource.COUNTER);
        ApiAnswer booked = expect(door.send(BookingFixtures.book(BookingFixtures.operator(), resident, "CLEAN",
                BookingFixtures.tomorrowAt(10, 0))), 201);
        long roundTrips = PgWireCounter.sharedRoundTrips(WireCountedStoresTestResource.COUNTER) - before;

        assertThat(booked.json().path("status").asText()).isEqualTo("REQUESTED");
        System.out.printf("round trips per booking: %d%n", roundTrips);
        assertThat(roundTrips).as("round trips of a warm booking").isEqualTo(BOOK_ROUND_TRIPS);
    }
}
