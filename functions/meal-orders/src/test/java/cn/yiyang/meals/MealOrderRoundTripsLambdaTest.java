package cn.yiyang.meals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.kernel.metering.UsageMeter;
import cn.yiyang.stores.metering.LocalLogsDelivery;
import cn.yiyang.stores.metering.UsageCounters;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoCallLog;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.InProcessLambdaDoor;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a meal order waits for, counted rather than timed: the DynamoDB calls made on the request's
 * own thread (the Lambda handler's dispatcher, fed v2 events here), and by every thread while its invocation
 * runs. The call is metered by a usage line, no store call, and the usage counters (aggregated from the
 * lines by the stand-in for CloudWatch Logs) are still exact: every call counted once, retries included.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class MealOrderRoundTripsLambdaTest {

    @Inject
    ApiDispatcher dispatcher;

    @Inject
    UsageCounters counters;

    @Inject
    LocalLogsDelivery logs;

    @Test
    void aMealOrder_waitsForTwoRoundTrips_oneBatchOfReadsWithTheCard_andTheTransaction() {
        InProcessLambdaDoor door = new InProcessLambdaDoor(dispatcher);
        MealFixtures.policy(door, MealFixtures.POLICY);
        String point = MealFixtures.pointWithMenu(door, 10, 0);
        ApiRequest order = MealFixtures.lunch(MealFixtures.resident(85), point);

        DynamoCallLog.start();
        ApiAnswer placed = door.send(order);
        List<String> calls = DynamoCallLog.stop();

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(calls).containsExactly("BatchGetItem", "TransactWriteItems");
    }

    @Test
    void aMealQuote_waitsForOneRoundTrip_theBatchOfReadsWithTheCard() {
        InProcessLambdaDoor door = new InProcessLambdaDoor(dispatcher);
        MealFixtures.policy(door, MealFixtures.POLICY);
        String point = MealFixtures.pointWithMenu(door, 10, 0);
        ApiRequest quote = ApiRequest.get("/v1/meal-quotes").query("residentId", MealFixtures.resident(85))
                .query("mealPointId", point).query("date", MealFixtures.tomorrow().toString()).query("slot", "LUNCH")
                .query("mode", "DINE_IN").query("dishes", "A1").bearer(MealFixtures.operator());

        DynamoCallLog.start();
        ApiAnswer quoted = door.send(quote);
        List<String> calls = DynamoCallLog.stop();

        assertThat(quoted.status()).as(quoted.toString()).isEqualTo(200);
        assertThat(quoted.json().path("subsidyFen").asLong()).as("the 80-89 band, priced from the card read in the batch")
                .isEqualTo(500);
        assertThat(calls).containsExactly("BatchGetItem");
    }

    @Test
    void aMealOrdersInvocation_makesNoDynamoCallForMetering_onAnyThread() {
        InProcessLambdaDoor door = new InProcessLambdaDoor(dispatcher);
        MealFixtures.policy(door, MealFixtures.POLICY);
        String point = MealFixtures.pointWithMenu(door, 10, 0);
        ApiRequest order = MealFixtures.lunch(MealFixtures.resident(85), point);
        logs.flush();

        DynamoCallLog.startEverywhere();
        ApiAnswer placed = door.send(order);
        List<String> calls = DynamoCallLog.stopEverywhere();

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(calls).as("the order's own two; the usage counter's UpdateItem is gone")
                .containsExactly("BatchGetItem", "TransactWriteItems");
        assertThat(calls(MealRoutes.PLACE)).as("and the call is still counted").isPositive();
    }

    @Test
    void everyCall_isCountedOnce_retriesIncluded() throws Exception {
        InProcessLambdaDoor door = new InProcessLambdaDoor(dispatcher);
        MealFixtures.policy(door, MealFixtures.POLICY);
        String point = MealFixtures.pointWithMenu(door, 100, 0);
        List<ApiRequest> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(MealFixtures.lunch(MealFixtures.resident(82), point));
        }
        long before = placeCalls();

        // Each order sent twice at once under its key, as a client on a shaky network does; the client
        // retries 503 and 409 in progress, and each retry is a call of its own.
        RetryingClient client = RetryingClient.around(door);
        List<Integer> statuses = Concurrently.run(orders.size() * 2, i -> client.send(orders.get(i / 2)).status());

        assertThat(statuses).containsOnly(201);
        assertThat(placeCalls() - before).as("every call that reached the dispatcher, once")
                .isEqualTo(orders.size() * 2L + client.retries());
    }

    @Test
    void everyRefusedCall_isCountedOnce() throws Exception {
        InProcessLambdaDoor door = new InProcessLambdaDoor(dispatcher);
        int refusalsEach = 20;
        long pointsBefore = calls(MealRoutes.CREATE_POINT);
        long placesBefore = calls(MealRoutes.PLACE);
        ApiRequest notAnOfficer = ApiRequest.post("/v1/meal-points", "{}").bearer(MealFixtures.operator())
                .idempotencyKey("point-" + java.util.UUID.randomUUID());
        ApiRequest noKey = ApiRequest.post("/v1/meal-orders", "{}").bearer(MealFixtures.operator());

        // Refused before any handler (403, 400), all at once: each writes its usage line and answers.
        List<Integer> statuses = Concurrently.run(refusalsEach * 2,
                i -> door.send(i % 2 == 0 ? notAnOfficer : noKey).status());

        assertThat(statuses).containsOnly(403, 400).filteredOn(s -> s == 403).hasSize(refusalsEach);
        assertThat(calls(MealRoutes.CREATE_POINT) - pointsBefore).isEqualTo(refusalsEach);
        assertThat(calls(MealRoutes.PLACE) - placesBefore).isEqualTo(refusalsEach);
    }

    private long placeCalls() {
        return calls(MealRoutes.PLACE);
    }

    private long calls(cn.yiyang.kernel.route.Route route) {
        LocalDate today = CountyTime.today(java.time.Clock.systemUTC());
        logs.flush();
        return counters.month(MealFixtures.COUNTY, YearMonth.from(today)).stream()
                .filter(c -> c.day().equals(today) && c.route().equals(route.key()))
                .mapToLong(UsageMeter.UsageCount::calls).sum();
    }
}
