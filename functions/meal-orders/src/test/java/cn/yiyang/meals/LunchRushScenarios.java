package cn.yiyang.meals;

import static cn.yiyang.meals.MealFixtures.lunch;
import static cn.yiyang.meals.MealFixtures.pointWithMenu;
import static cn.yiyang.meals.MealFixtures.resident;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
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

/** The lunchtime rush against DynamoDB Local, through a door that serves requests in parallel. */
public abstract class LunchRushScenarios {

    public static final int SEATS = 100;
    public static final int RESIDENTS = 300;

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
    void countyPolicy() {
        MealFixtures.policy(client(), MealFixtures.POLICY);
    }

    @Test
    void threeHundredConcurrentOrders_forAHundredSeats_placeExactlyAHundred() {
        String point = pointWithMenu(client(), SEATS, 0);
        List<ApiRequest> orders = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            orders.add(lunch(resident(60 + i % 40), point));
        }

        List<ApiAnswer> answers = Concurrently.run(RESIDENTS, i -> client().send(orders.get(i)));

        assertOutcome(answers, point, SEATS);
    }

    @Test
    void withAFifthOfTheRequestsRetriedUnderTheSameKey_stillExactlyAHundred() {
        String point = pointWithMenu(client(), SEATS, 0);
        List<ApiRequest> sends = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            ApiRequest order = lunch(resident(60 + i % 40), point);
            sends.add(order);
            if (i % 5 == 0) {
                sends.add(order);
            }
        }

        List<ApiAnswer> answers = Concurrently.run(sends.size(), i -> client().send(sends.get(i)));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(ApiAnswer::status, Collectors.counting()));
        assertThat(byStatus.keySet()).as(byStatus.toString()).isSubsetOf(201, 409);
        long distinctPlaced = answers.stream().filter(a -> a.status() == 201).map(a -> a.json().path("id").asText())
                .distinct().count();
        assertThat(distinctPlaced).isEqualTo(SEATS);
        assertThat(answers.stream().filter(a -> a.status() == 409).map(ApiAnswer::code).distinct().toList())
                .isSubsetOf("MEAL_SOLD_OUT", "IDEMPOTENCY_IN_PROGRESS");
        assertThat(placedOnTheDay(point)).isEqualTo(SEATS);
    }

    private void assertOutcome(List<ApiAnswer> answers, String point, int seats) {
        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() == 201 ? a.json().path("status").asText() : a.code(), Collectors.counting()));
        assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of("PLACED", (long) seats,
                "MEAL_SOLD_OUT", (long) (RESIDENTS - seats)));
        assertThat(placedOnTheDay(point)).as("orders the kitchen sees").isEqualTo(seats);
        assertThat(SeatCounter.placed(point, MealFixtures.tomorrow())).as("the seat counter").isEqualTo(seats);
    }

    private long placedOnTheDay(String point) {
        ApiAnswer day = client().send(ApiRequest.get("/v1/meal-points/" + point + "/days/" + MealFixtures.tomorrow())
                .bearer(MealFixtures.canteen(point)));
        return day.json().path("slots").path("LUNCH").path("ordered").asLong();
    }
}
