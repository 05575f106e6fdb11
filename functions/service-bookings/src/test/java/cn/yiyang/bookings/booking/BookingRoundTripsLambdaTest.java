package cn.yiyang.bookings.booking;

import static cn.yiyang.bookings.BookingFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.BookingFixtures;
import cn.yiyang.bookings.BookingProbe;
import cn.yiyang.stores.dynamo.DynamoCallLog;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.PgWireCounter;
import cn.yiyang.testing.WireCountedStoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a booking waits for, counted rather than timed: the round trips the service-bookings function
 * makes to PostgreSQL for a warm booking, counted on the wire (each wait for the server is one:
 * statements sent together count once; BEGIN and COMMIT included), and its DynamoDB calls. README
 * "Round trips per booking" justifies each: BEGIN with the key's lock and its record read behind it; the
 * service, the county's settings and the providers, sent together; the place in the window and the
 * booking row, one statement; the idempotency record with COMMIT behind it (a pipelined transaction:
 * 6 before, when BEGIN and COMMIT each waited on their own). DynamoDB: the resident card's read (from
 * the moment the invocation arrives, beside the first two) and the booking card's write after the commit.
 */
@QuarkusTest
@QuarkusTestResource(value = WireCountedStoresTestResource.class, restrictToAnnotatedClass = true)
class BookingRoundTripsLambdaTest {

    static final long BOOK_ROUND_TRIPS = 4;

    private final Door door = LambdaDoor.ofThisTest();

    /**
     * The pool holds two connections, and the client prepares a statement on each the first time it runs there: in a
     * pipelined transaction a trip may carry one statement's Parse with another's Execute, which the counter cannot
     * set apart. A booking given the connection the warm-up did not use counts more; after it, both are warm. So
     * {@value #COUNTED_BOOKINGS} bookings are counted: none makes fewer trips, and one on a warm connection makes exactly
     * {@value #BOOK_ROUND_TRIPS} (a regression to more shows in every one).
     */
    static final int COUNTED_BOOKINGS = 3;

    @Test
    void aBooking_makesTheCountedRoundTrips() {
        String resident = servedResident().resident();
        // the statements' first use: prepared once per connection
        expect(door.send(BookingFixtures.book(BookingFixtures.operator(), resident, "CLEAN", BookingFixtures.tomorrowAt(9, 0))), 201);

        List<Long> counts = new java.util.ArrayList<>();
        for (int i = 0; i < COUNTED_BOOKINGS; i++) {
            long before = PgWireCounter.sharedWarmRoundTrips(WireCountedStoresTestResource.COUNTER);
            DynamoCallLog.startEverywhere();
            ApiAnswer booked = expect(door.send(BookingFixtures.book(BookingFixtures.operator(), resident, "CLEAN",
                    BookingFixtures.tomorrowAt(10 + i, 0))), 201);
            List<String> dynamoCalls = DynamoCallLog.stopEverywhere();
            counts.add(PgWireCounter.sharedWarmRoundTrips(WireCountedStoresTestResource.COUNTER) - before);

            assertThat(booked.json().path("status").asText()).isEqualTo("REQUESTED");
            assertThat(dynamoCalls).as("the resident card read once, the booking card written once")
                    .containsExactly("GetItem", "UpdateItem");
        }
        System.out.printf("round trips per booking: %s%n", counts);
        assertThat(counts).as("no booking makes fewer round trips").allMatch(n -> n >= BOOK_ROUND_TRIPS);
        assertThat(java.util.Collections.min(counts)).as("round trips of a warm booking").isEqualTo(BOOK_ROUND_TRIPS);
    }

    @Test
    void aReplayedBooking_makesNoWrite_andItsCardIsPublishedAgain() {
        ServedResident served = servedResident();
        String street = served.street();
        ApiRequest book = BookingFixtures.book(BookingFixtures.operator(), served.resident(), "CLEAN",
                BookingFixtures.tomorrowAt(11, 0));
        ApiAnswer first = expect(door.send(book), 201);

        DynamoCallLog.startEverywhere();
        ApiAnswer replayed = expect(door.send(book), 201);
        List<String> dynamoCalls = DynamoCallLog.stopEverywhere();

        assertThat(replayed.body()).isEqualTo(first.body());
        assertThat(BookingProbe.booked(street)).as("the window's counter, once").isEqualTo(1);
        // the card read started as the replay arrived is not taken; the card is written again from the answer
        assertThat(dynamoCalls).containsExactlyInAnyOrder("GetItem", "UpdateItem");
    }

    /** A resident on a street of its own, which one provider (5 places an hour) serves with the county's catalog. */
    private ServedResident servedResident() {
        String street = BookingFixtures.newStreet();
        BookingFixtures.catalog(door);
        BookingFixtures.provider(door, street, 5);
        return new ServedResident(street, BookingFixtures.resident(street));
    }

    private record ServedResident(String street, String resident) {
    }
}
