package cn.yiyang.meals;

import static cn.yiyang.meals.MealFixtures.expect;
import static cn.yiyang.meals.MealFixtures.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.ScenarioCounties;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the counter and the dashboard read (issue 14): seats left on the menu, the counter's dine-in list beside
 * the deliveries with one click per order, and the officers' meals per point and day, counted in the serve and
 * no-show transactions, exactly once whatever the retries. Each scenario has a county of its own.
 */
public abstract class MealCounterScenarios {

    protected abstract Door door();

    private String county;

    @BeforeEach
    void aCountyOfItsOwn() {
        county = ScenarioCounties.fresh();
    }

    @AfterEach
    void realTime() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void theMenu_showsPerSlotTheSeatsAndTheSeatsLeft_fromTheSeatCounters() {
        String point = pointWithMenu(3, 2);
        String cancelled = place(point, "LUNCH", "DINE_IN");
        place(point, "LUNCH", "DINE_IN");
        place(point, "LUNCH", "DELIVERY");
        place(point, "DINNER", "DINE_IN");
        expect(door().send(ApiRequest.post("/v1/meal-orders/" + cancelled + "/cancel", "{}").bearer(operator())
                .idempotencyKey("cancel-" + UUID.randomUUID())), 200);

        JsonNode slots = expect(door().send(ApiRequest.get("/v1/meal-points/" + point + "/menus/" + tomorrow())
                .bearer(Tokens.of(county, "resident-x", Role.RESIDENT))), 200).json().path("slots");

        assertThat(slots.path("LUNCH").path("dineInSeats").asInt()).isEqualTo(3);
        assertThat(slots.path("LUNCH").path("dineInSeatsLeft").asInt()).as("two placed, one cancelled").isEqualTo(2);
        assertThat(slots.path("LUNCH").path("deliverySeats").asInt()).isEqualTo(2);
        assertThat(slots.path("LUNCH").path("deliverySeatsLeft").asInt()).isEqualTo(1);
        assertThat(slots.path("DINNER").path("dineInSeatsLeft").asInt()).isEqualTo(2);
        assertThat(slots.path("DINNER").path("deliverySeatsLeft").asInt()).isEqualTo(2);
        assertThat(slots.path("LUNCH").path("orderable").asBoolean()).isTrue();
        assertThat(slots.path("LUNCH").path("cutoff").asText()).startsWith("09:30");
    }

    @Test
    void theCountersDay_listsDineInOrdersBesideDeliveries_eachServedOrMissedInOneClick() {
        String point = pointWithMenu(5, 5);
        String eatsHere = place(point, "LUNCH", "DINE_IN");
        String missed = place(point, "LUNCH", "DINE_IN");
        String delivered = place(point, "LUNCH", "DELIVERY");
        at(11, 30);

        JsonNode lunch = day(point).path("slots").path("LUNCH");
        ApiAnswer served = step(point, eatsHere, "serve");
        ApiAnswer brought = step(point, delivered, "serve");
        at(13, 30);
        ApiAnswer noShow = step(point, missed, "no-show");
        JsonNode after = day(point).path("slots").path("LUNCH");

        assertThat(ids(lunch.path("dineIn"))).containsExactlyInAnyOrder(eatsHere, missed);
        assertThat(ids(lunch.path("deliveries"))).containsExactly(delivered);
        assertThat(lunch.path("dineIn").get(0).path("confirmationCode").asText()).hasSize(6);
        assertThat(expect(served, 200).json().path("status").asText()).isEqualTo("SERVED");
        assertThat(expect(brought, 200).json().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(expect(noShow, 200).json().path("status").asText()).isEqualTo("NO_SHOW");
        assertThat(statusOf(after.path("dineIn"), eatsHere)).isEqualTo("SERVED");
        assertThat(statusOf(after.path("dineIn"), missed)).isEqualTo("NO_SHOW");
        assertThat(statusOf(after.path("deliveries"), delivered)).isEqualTo("DELIVERED");
        assertThat(after.path("served").asInt()).isEqualTo(1);
        assertThat(after.path("delivered").asInt()).isEqualTo(1);
        assertThat(after.path("noShows").asInt()).isEqualTo(1);
    }

    @Test
    void mealsServedPerPointAndDay_countEachMealOnce_whateverTheRetries() {
        String first = pointWithMenu(10, 10);
        String second = pointWithMenu(10, 10);
        List<String> firstDineIn = List.of(place(first, "LUNCH", "DINE_IN"), place(first, "LUNCH", "DINE_IN"),
                place(first, "LUNCH", "DINE_IN"));
        String firstDelivery = place(first, "LUNCH", "DELIVERY");
        // The second point's dinner is never served: it counts nowhere.
        List<String> secondDineIn = List.of(place(second, "LUNCH", "DINE_IN"), place(second, "DINNER", "DINE_IN"));
        at(11, 30);

        ApiRequest stormed = serve(first, firstDineIn.get(0));
        List<ApiAnswer> storm = Concurrently.run(8, i -> RetryingClient.around(door()).send(stormed));
        for (String order : List.of(firstDineIn.get(1), firstDelivery, secondDineIn.get(0))) {
            ApiRequest request = serve(order.equals(secondDineIn.get(0)) ? second : first, order);
            expect(door().send(request), 200);
            expect(door().send(request), 200);
        }
        at(19, 30);
        ApiRequest missed = step(first, firstDineIn.get(2), "no-show", "no-show-" + UUID.randomUUID());
        expect(door().send(missed), 200);
        expect(door().send(missed), 200);
        MutableClock.INSTANCE.reset();

        LocalDate today = LocalDate.now(CountyTime.ZONE);
        ApiRequest report = ApiRequest.get("/v1/meal-reports/served").query("from", today.toString())
                .query("to", tomorrow().toString());
        JsonNode served = expect(door().send(report.bearer(MealFixtures.officer(county))), 200).json();
        ApiAnswer byAuditor = door().send(report.bearer(Tokens.of(county, "auditor-1", Role.AUDITOR)));
        ApiAnswer byOperator = door().send(report.bearer(operator()));
        ApiAnswer tooLong = door().send(ApiRequest.get("/v1/meal-reports/served").query("from", "2026-01-01")
                .query("to", "2026-12-31").bearer(MealFixtures.officer(county)));
        JsonNode elsewhere = expect(door().send(report.bearer(MealFixtures.officer(ScenarioCounties.fresh()))), 200).json();

        assertThat(storm).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        assertThat(served.path("dates").size()).isEqualTo(2);
        assertThat(series(served, first, "served")).containsExactly(0L, 2L);
        assertThat(series(served, first, "delivered")).containsExactly(0L, 1L);
        assertThat(series(served, first, "noShows")).containsExactly(0L, 1L);
        assertThat(series(served, second, "served")).containsExactly(0L, 1L);
        assertThat(series(served, second, "noShows")).containsExactly(0L, 0L);
        assertThat(served.path("totals").path("served").asLong()).isEqualTo(3);
        assertThat(served.path("totals").path("delivered").asLong()).isEqualTo(1);
        assertThat(served.path("totals").path("noShows").asLong()).isEqualTo(1);
        assertThat(expect(byAuditor, 200).json()).isEqualTo(served);
        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(elsewhere.path("points")).as("another county's officer sees none of these points").isEmpty();
    }

    private String pointWithMenu(int dineInSeats, int deliverySeats) {
        String point = MealFixtures.point(door(), county, dineInSeats, deliverySeats, MealFixtures.ALL_WEEK);
        MealFixtures.menu(door(), county, point, tomorrow());
        return point;
    }

    private String place(String point, String slot, String mode) {
        String resident = MealFixtures.resident(county, 75, Set.of());
        return expect(door().send(ApiRequest.post("/v1/meal-orders", """
                {"residentId":"%s","mealPointId":"%s","date":"%s","slot":"%s","mode":"%s","items":[{"dishCode":"A1","quantity":1}]}"""
                .formatted(resident, point, tomorrow(), slot, mode)).bearer(operator())
                .idempotencyKey("order-" + UUID.randomUUID())), 201).json().path("id").asText();
    }

    private JsonNode day(String point) {
        return expect(door().send(ApiRequest.get("/v1/meal-points/" + point + "/days/" + tomorrow())
                .bearer(canteen(point))), 200).json();
    }

    private ApiAnswer step(String point, String order, String step) {
        return door().send(step(point, order, step, step + "-" + UUID.randomUUID()));
    }

    private ApiRequest step(String point, String order, String step, String key) {
        return ApiRequest.post("/v1/meal-orders/" + order + "/" + step, "{}").bearer(canteen(point)).idempotencyKey(key);
    }

    private ApiRequest serve(String point, String order) {
        return step(point, order, "serve", "serve-" + UUID.randomUUID());
    }

    private String canteen(String point) {
        return Tokens.actingFor(county, "canteen-" + point, Role.CANTEEN, point);
    }

    private String operator() {
        return Tokens.of(county, "operator-" + county, Role.OPERATOR);
    }

    private static void at(int hour, int minute) {
        MutableClock.INSTANCE.setTo(tomorrow().atTime(hour, minute).atZone(CountyTime.ZONE).toInstant());
    }

    private static List<String> ids(JsonNode orders) {
        List<String> ids = new ArrayList<>();
        orders.forEach(o -> ids.add(o.path("orderId").asText()));
        return ids;
    }

    private static String statusOf(JsonNode orders, String id) {
        for (JsonNode o : orders) {
            if (o.path("orderId").asText().equals(id)) {
                return o.path("status").asText();
            }
        }
        return null;
    }

    private static List<Long> series(JsonNode report, String point, String figure) {
        for (JsonNode p : report.path("points")) {
            if (p.path("mealPointId").asText().equals(point)) {
                List<Long> values = new ArrayList<>();
                p.path(figure).forEach(v -> values.add(v.asLong()));
                return values;
            }
        }
        throw new AssertionError("no point " + point + " in " + report);
    }
}
