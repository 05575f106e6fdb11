package cn.yiyang.meals;

import static cn.yiyang.meals.MealFixtures.COUNTY;
import static cn.yiyang.meals.MealFixtures.expect;
import static cn.yiyang.meals.MealFixtures.lunch;
import static cn.yiyang.meals.MealFixtures.operator;
import static cn.yiyang.meals.MealFixtures.pointWithMenu;
import static cn.yiyang.meals.MealFixtures.resident;
import static cn.yiyang.meals.MealFixtures.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Route;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.DuplicateStorm;
import cn.yiyang.testing.DuplicateStorm.Case;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.RetryingClient;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Fifty duplicates at once on every idempotent meal route: the first answer for all, one effect. */
public abstract class MealDuplicateStormScenarios {

    protected abstract Door door();

    private Door client() {
        return RetryingClient.around(door());
    }

    private Map<Route, Supplier<Case>> cases() {
        return Map.of(
                MealRoutes.CREATE_POINT, () -> Case.of(ApiRequest.post("/v1/meal-points", """
                        {"name":"风暴助餐点","address":"文三路 1 号","streetCode":"330105001","operatorName":"颐乐餐饮",
                         "openDays":%s,"slots":{"LUNCH":{"cutoff":"09:30","endsAt":"13:00","dineInSeats":5,"deliverySeats":0}}}"""
                        .formatted(MealFixtures.ALL_WEEK)).bearer(MealFixtures.officer(COUNTY)).idempotencyKey(key())),
                MealRoutes.PUBLISH_POLICY, () -> Case.of(ApiRequest.post("/v1/meal-policies", MealFixtures.POLICY)
                        .bearer(MealFixtures.officer(COUNTY)).idempotencyKey(key())),
                MealRoutes.PLACE, this::place,
                MealRoutes.CANCEL, () -> step("cancel", point -> operator(), null),
                MealRoutes.SERVE, () -> step("serve", MealFixtures::canteen, LocalTime.of(11, 30)),
                MealRoutes.NO_SHOW, () -> step("no-show", MealFixtures::canteen, LocalTime.of(13, 5)));
    }

    @BeforeEach
    void countyPolicy() {
        MealFixtures.policy(client(), MealFixtures.POLICY);
    }

    @Test
    void theStormCases_coverExactlyTheIdempotentRoutesOfTheTable() {
        DuplicateStorm.assertCasesMatch(MealRoutes.ALL, cases());
    }

    @TestFactory
    Stream<DynamicTest> fiftyDuplicatesAtOnce_onEveryIdempotentRoute_allGetTheFirstAnswer() {
        return DuplicateStorm.overEveryIdempotentRoute(MealRoutes.ALL, cases(), door(), MutableClock.INSTANCE::reset);
    }

    private Case place() {
        String point = pointWithMenu(client(), 5, 0);
        return new Case(lunch(resident(81), point), () -> assertThat(SeatCounter.placed(point, tomorrow()))
                .as("seats taken by fifty duplicates").isEqualTo(1));
    }

    /** An order to move, and the clock where the move is allowed (serving on the day, no-show after the slot). */
    private Case step(String action, java.util.function.Function<String, String> tokenAtPoint, LocalTime at) {
        String point = pointWithMenu(client(), 5, 0);
        String order = expect(client().send(lunch(resident(82), point)), 201).json().path("id").asText();
        if (at != null) {
            MutableClock.INSTANCE.setTo(tomorrow().atTime(at).atZone(CountyTime.ZONE).toInstant());
        }
        ApiRequest request = ApiRequest.post("/v1/meal-orders/" + order + "/" + action, "{}").bearer(tokenAtPoint.apply(point))
                .idempotencyKey(key());
        long seatsAfter = action.equals("cancel") ? 0 : 1;
        return new Case(request, () -> assertThat(SeatCounter.placed(point, tomorrow())).as("seats after one " + action)
                .isEqualTo(seatsAfter));
    }

    private static String key() {
        return "storm-" + UUID.randomUUID();
    }
}
