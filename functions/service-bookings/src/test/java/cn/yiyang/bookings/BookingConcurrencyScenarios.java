package cn.yiyang.bookings;

import static cn.yiyang.bookings.BookingFixtures.book;
import static cn.yiyang.bookings.BookingFixtures.caregiver;
import static cn.yiyang.bookings.BookingFixtures.expect;
import static cn.yiyang.bookings.BookingFixtures.newStreet;
import static cn.yiyang.bookings.BookingFixtures.operator;
import static cn.yiyang.bookings.BookingFixtures.provider;
import static cn.yiyang.bookings.BookingFixtures.resident;
import static cn.yiyang.bookings.BookingFixtures.step;
import static cn.yiyang.bookings.BookingFixtures.tomorrowAt;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.RetryingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capacity and caregivers under concurrency, against the real PostgreSQL, through a door that serves in parallel. */
public abstract class BookingConcurrencyScenarios {

    protected abstract Door door();

    private RetryingClient client;

    /** The door as a real client uses it: 503 and "not decided yet" 409s sent again under the same key, with backoff. */
    protected Door client() {
        if (client == null) {
            client = RetryingClient.around(door());
        }
        return client;
    }

    @AfterEach
    void reportRetries() {
        if (client != null) {
            System.out.println(getClass().getSimpleName() + ": " + client.retries() + " requests sent again (503 or not yet decided)");
        }
    }

    @BeforeEach
    void catalog() {
        BookingFixtures.catalog(client());
    }

    @Test
    void twoHundredConcurrentBookings_forAWindowOfTen_bookExactlyTen() {
        String street = newStreet();
        provider(client(), street, 10);
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            residents.add(resident(street));
        }

        List<ApiAnswer> answers = Concurrently.run(200, i -> client().send(book(operator(), residents.get(i), "CLEAN", tomorrowAt(14, 0))));

        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() == 201 ? "BOOKED" : a.code(), Collectors.counting()));
        assertThat(outcome).isEqualTo(Map.of("BOOKED", 10L, "BOOKING_NO_CAPACITY", 190L));
        assertThat(BookingProbe.booked(street)).as("the window's counter").isEqualTo(10);
        assertThat(BookingProbe.bookingRows(street)).as("a row for each place taken, none for a refusal").isEqualTo(10);
    }

    @Test
    void concurrentAssignmentsOfOneCaregiver_toOverlappingVisits_leaveNoOverlap() {
        String street = newStreet();
        String provider = provider(client(), street, 100);
        String caregiver = caregiver(client(), provider, false);
        List<String> bookings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // two-hour cleanings starting every 20 minutes from 09:00: each overlaps the next five
            bookings.add(expect(client().send(book(operator(), resident(street), "CLEAN", tomorrowAt(9, 0).plusMinutes(20L * i))), 201)
                    .json().path("id").asText());
        }

        List<ApiAnswer> answers = Concurrently.run(bookings.size(), i -> client().send(step(bookings.get(i), "assign",
                BookingFixtures.provider(provider), "{\"caregiverId\":\"" + caregiver + "\"}")));

        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() == 200 ? "ASSIGNED" : a.code(), Collectors.counting()));
        assertThat(outcome.getOrDefault("ASSIGNED", 0L)).as(outcome.toString()).isBetween(1L, 2L);
        assertThat(answers.stream().filter(a -> a.status() != 200).map(ApiAnswer::code).distinct().toList())
                .containsOnly("CAREGIVER_BUSY");
        assertThat(BookingProbe.overlappingVisits(caregiver)).isZero();
    }
}
