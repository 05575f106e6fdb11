package cn.yiyang.meals;

import cn.yiyang.kernel.time.CountyTime;
import static cn.yiyang.meals.MealFixtures.COUNTY;
import static cn.yiyang.meals.MealFixtures.OTHER_COUNTY;
import static cn.yiyang.meals.MealFixtures.canteen;
import static cn.yiyang.meals.MealFixtures.expect;
import static cn.yiyang.meals.MealFixtures.lunch;
import static cn.yiyang.meals.MealFixtures.operator;
import static cn.yiyang.meals.MealFixtures.order;
import static cn.yiyang.meals.MealFixtures.pointWithMenu;
import static cn.yiyang.meals.MealFixtures.resident;
import static cn.yiyang.meals.MealFixtures.residentToken;
import static cn.yiyang.meals.MealFixtures.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meal ordering rules and lifecycle, written once and run through every door. */
public abstract class MealOrderScenarios {

    protected abstract Door door();

    @BeforeEach
    void countyPolicy() {
        MealFixtures.policy(door(), MealFixtures.POLICY);
    }

    @AfterEach
    void realTime() {
        MutableClock.INSTANCE.reset();
    }

    /**
     * Issue 13: a canteen token for one meal point read another point's kitchen day (names,
     * addresses) and could change any point's menu and prices. A canteen acts for the points of its
     * token's org only; another point's day, menu and orders are 404, and nothing changes.
     */
    @Test
    void aCanteen_actsOnlyForItsOwnMealPoints() {
        String mine = pointWithMenu(door(), 10, 10);
        String theirs = pointWithMenu(door(), 10, 10);
        String order = expect(door().send(lunch(resident(85), theirs)), 201).json().path("id").asText();
        String menuPath = "/v1/meal-points/" + theirs + "/menus/" + tomorrow();
        // The dishes only: the menu's slots say whether they can still be ordered, and the clock moves below.
        JsonNode menuBefore = door().send(ApiRequest.get(menuPath).bearer(operator())).json().path("dishes");

        ApiAnswer day = door().send(ApiRequest.get("/v1/meal-points/" + theirs + "/days/" + tomorrow()).bearer(canteen(mine)));
        ApiAnswer menu = door().send(ApiRequest.of("PUT", menuPath,
                "{\"dishes\":[{\"code\":\"A1\",\"name\":\"红烧鱼套餐\",\"priceFen\":1}]}").bearer(canteen(mine)));
        ApiAnswer read = door().send(ApiRequest.get("/v1/meal-orders/" + order).bearer(canteen(mine)));
        ApiAnswer placed = door().send(order(canteen(mine), resident(80), theirs, tomorrow(), "DINE_IN",
                "[{\"dishCode\":\"A1\",\"quantity\":1}]"));
        MutableClock.INSTANCE.setTo(tomorrow().atTime(11, 30).atZone(CountyTime.ZONE).toInstant());
        ApiAnswer served = door().send(ApiRequest.post("/v1/meal-orders/" + order + "/serve", "{}").bearer(canteen(mine))
                .idempotencyKey("serve-" + UUID.randomUUID()));
        ApiAnswer ownDay = door().send(ApiRequest.get("/v1/meal-points/" + mine + "/days/" + tomorrow()).bearer(canteen(mine)));

        assertThat(day.status()).isEqualTo(404);
        assertThat(menu.status()).isEqualTo(404);
        assertThat(read.status()).isEqualTo(404);
        assertThat(placed.status()).isEqualTo(404);
        assertThat(served.status()).isEqualTo(404);
        assertThat(ownDay.status()).isEqualTo(200);
        assertThat(door().send(ApiRequest.get(menuPath).bearer(operator())).json().path("dishes")).isEqualTo(menuBefore);
        assertThat(door().send(ApiRequest.get("/v1/meal-orders/" + order).bearer(operator())).json().path("status").asText())
                .isEqualTo("PLACED");
    }

    @Test
    void anOrder_isPricedByTheCountysPolicy_andAnsweredWithAConfirmationCode() {
        String point = pointWithMenu(door(), 10, 5);
        String resident = resident(85);

        ApiAnswer placed = door().send(order(operator(), resident, point, tomorrow(), "DINE_IN",
                "[{\"dishCode\":\"A1\",\"quantity\":1},{\"dishCode\":\"B2\",\"quantity\":1}]"));

        expect(placed, 201);
        JsonNode o = placed.json();
        assertThat(o.path("status").asText()).isEqualTo("PLACED");
        assertThat(o.path("priceFen").asLong()).isEqualTo(2000);
        assertThat(o.path("subsidyFen").asLong()).as("80–89 band").isEqualTo(500);
        assertThat(o.path("payFen").asLong()).isEqualTo(1500);
        assertThat(o.path("channel").asText()).isEqualTo("HOTLINE");
        assertThat(o.path("placedBy").asText()).isEqualTo("operator-7");
        assertThat(ConfirmationCode.isWellFormed(o.path("confirmationCode").asText())).isTrue();
        assertThat(o.path("policyVersion").asInt()).isPositive();
    }

    @Test
    void theSubsidy_isTheLargerOfAgeAndCategory_neverAboveThePrice_andFreeFor特困() {
        String point = pointWithMenu(door(), 10, 5);
        long dibao = subsidy(door().send(order(operator(), resident(70, "DIBAO"), point, tomorrow(), "DINE_IN",
                "[{\"dishCode\":\"B2\",\"quantity\":1}]")));
        long nonagenarian = subsidy(door().send(order(operator(), resident(92), point, tomorrow(), "DINE_IN",
                "[{\"dishCode\":\"B2\",\"quantity\":1}]")));
        ApiAnswer tekun = door().send(order(operator(), resident(66, "TEKUN"), point, tomorrow(), "DINE_IN",
                "[{\"dishCode\":\"A1\",\"quantity\":2}]"));

        assertThat(dibao).isEqualTo(600);
        assertThat(nonagenarian).as("¥8 band, capped at the ¥8 price").isEqualTo(800);
        assertThat(tekun.json().path("payFen").asLong()).isZero();
        assertThat(tekun.json().path("subsidyFen").asLong()).isEqualTo(2400);
    }

    @Test
    void aSecondOrderForTheSameSlot_atAnotherPoint_paysFullPrice() {
        String resident = resident(81);
        String first = pointWithMenu(door(), 10, 5);
        String second = pointWithMenu(door(), 10, 5);

        ApiAnswer one = door().send(lunch(resident, first));
        ApiAnswer two = door().send(lunch(resident, second));

        assertThat(subsidy(one)).isEqualTo(500);
        assertThat(subsidy(two)).isZero();
        assertThat(two.json().path("payFen").asLong()).isEqualTo(1200);
    }

    @Test
    void aResidentOrderingAtTwoPointsAtOnce_getsAtMostOneSubsidisedMeal() {
        String resident = resident(88);
        String first = pointWithMenu(door(), 50, 5);
        String second = pointWithMenu(door(), 50, 5);

        var answers = cn.yiyang.testing.Concurrently.run(10, i -> cn.yiyang.testing.RetryingClient.around(door()).send(lunch(resident, i % 2 == 0 ? first : second)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        assertThat(answers.stream().filter(a -> subsidy(a) > 0).count()).isEqualTo(1);
    }

    @Test
    void aCancelledSeat_canBeTakenAgain_exactlyOnce() {
        String point = pointWithMenu(door(), 1, 0);
        ApiAnswer first = expect(door().send(lunch(resident(75), point)), 201);
        assertThat(door().send(lunch(resident(75), point)).code()).isEqualTo("MEAL_SOLD_OUT");

        ApiAnswer cancelled = door().send(ApiRequest.post("/v1/meal-orders/" + first.json().path("id").asText() + "/cancel", "{}")
                .bearer(operator()).idempotencyKey("cancel-" + UUID.randomUUID()));
        var racers = cn.yiyang.testing.Concurrently.run(8, i -> cn.yiyang.testing.RetryingClient.around(door()).send(lunch(resident(75), point)));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(racers.stream().filter(a -> a.status() == 201).count()).isEqualTo(1);
        assertThat(racers.stream().filter(a -> a.status() != 201).map(ApiAnswer::code).distinct().toList())
                .containsExactly("MEAL_SOLD_OUT");
    }

    @Test
    void cancelling_freesTheSubsidyForAnotherPoint() {
        String resident = resident(83);
        String first = pointWithMenu(door(), 10, 0);
        String second = pointWithMenu(door(), 10, 0);
        String id = door().send(lunch(resident, first)).json().path("id").asText();
        expect(door().send(ApiRequest.post("/v1/meal-orders/" + id + "/cancel", "{}").bearer(residentToken(resident))
                .idempotencyKey("cancel-" + UUID.randomUUID())), 200);

        assertThat(subsidy(door().send(lunch(resident, second)))).isEqualTo(500);
    }

    @Test
    void orderingAfterTheCutoff_isRefusedWithMealCutoffPassed() {
        String point = pointWithMenu(door(), 10, 0);
        MutableClock.INSTANCE.setTo(tomorrow().atTime(9, 31).atZone(CountyTime.ZONE).toInstant());

        ApiAnswer late = door().send(lunch(resident(77), point));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("MEAL_CUTOFF_PASSED");
        assertThat(late.json().path("userMessage").asText()).contains("订餐时间");
    }

    @Test
    void orderingOnADayThePointIsClosed_isRefusedWithMealPointClosed() {
        LocalDate date = tomorrow();
        String openDays = "[\"" + date.plusDays(1).getDayOfWeek() + "\"]";
        String point = MealFixtures.point(door(), COUNTY, 10, 0, openDays);
        MealFixtures.menu(door(), COUNTY, point, date);

        ApiAnswer closed = door().send(lunch(resident(77), point));

        assertThat(closed.code()).isEqualTo("MEAL_POINT_CLOSED");
    }

    @Test
    void aDishNotOnThatDaysMenu_isRefused_namingTheItem() {
        String point = pointWithMenu(door(), 10, 0);

        ApiAnswer answer = door().send(order(operator(), resident(77), point, tomorrow(), "DINE_IN",
                "[{\"dishCode\":\"A1\",\"quantity\":1},{\"dishCode\":\"Z9\",\"quantity\":1}]"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("MEAL_DISH_NOT_ON_MENU");
        assertThat(answer.json().path("errors").toString()).contains("items[1].dishCode");
    }

    @Test
    void anotherCountysMealPoint_isNotFound() {
        String theirs = MealFixtures.point(door(), OTHER_COUNTY, 10, 0, MealFixtures.ALL_WEEK);

        ApiAnswer answer = door().send(lunch(resident(77), theirs));
        ApiAnswer read = door().send(ApiRequest.get("/v1/meal-points/" + theirs).bearer(operator()));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(read.status()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain(theirs);
    }

    @Test
    void aResidentOrderingForSomeoneElse_isNotFound_whileALinkedFamilyMemberMay() {
        String point = pointWithMenu(door(), 10, 5);
        String parent = resident(COUNTY, 86, Set.of("wx-daughter"));
        String stranger = resident(79);
        String items = "[{\"dishCode\":\"B2\",\"quantity\":1}]";

        ApiAnswer forSomeoneElse = door().send(order(residentToken(stranger), parent, point, tomorrow(), "DINE_IN", items));
        ApiAnswer byFamily = door().send(order(Tokens.of(COUNTY, "wx-daughter", Role.FAMILY), parent, point, tomorrow(),
                "DELIVERY", items));
        ApiAnswer byUnlinkedFamily = door().send(order(Tokens.of(COUNTY, "wx-someone", Role.FAMILY), parent, point,
                tomorrow(), "DINE_IN", items));

        assertThat(forSomeoneElse.status()).isEqualTo(404);
        assertThat(byUnlinkedFamily.status()).isEqualTo(404);
        assertThat(byFamily.status()).as(byFamily.toString()).isEqualTo(201);
        assertThat(byFamily.json().path("channel").asText()).isEqualTo("MINI_PROGRAM");
        assertThat(byFamily.json().path("deliveryAddress").asText()).as("the registered address").isEqualTo("文三路 8 号");
    }

    @Test
    void anInactiveResident_isRefusedWithResidentInactive() {
        String point = pointWithMenu(door(), 10, 0);
        String id = UUID.randomUUID().toString();
        cn.yiyang.testing.TestResidents.publish(new cn.yiyang.cards.residents.ResidentCard(COUNTY, id, "林阿公", tomorrow().minusYears(81), Set.of(), null,
                        "SUSPENDED", COUNTY + "001", "文三路 9 号", null, Set.of()));

        ApiAnswer answer = door().send(lunch(id, point));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("RESIDENT_INACTIVE");
    }

    @Test
    void theCanteenServesAnOrder_andSettlementSeesTheServedSubsidy() {
        String point = pointWithMenu(door(), 10, 0);
        String id = door().send(lunch(resident(85), point)).json().path("id").asText();
        MutableClock.INSTANCE.setTo(tomorrow().atTime(11, 30).atZone(CountyTime.ZONE).toInstant());

        ApiAnswer served = door().send(ApiRequest.post("/v1/meal-orders/" + id + "/serve", "{}").bearer(canteen(point))
                .idempotencyKey("serve-" + UUID.randomUUID()));
        ApiAnswer again = door().send(ApiRequest.post("/v1/meal-orders/" + id + "/serve", "{}").bearer(canteen(point))
                .idempotencyKey("serve-" + UUID.randomUUID()));
        ApiAnswer cancel = door().send(ApiRequest.post("/v1/meal-orders/" + id + "/cancel", "{}").bearer(operator())
                .idempotencyKey("cancel-" + UUID.randomUUID()));
        ApiAnswer settlements = door().send(ApiRequest.get("/v1/meal-settlements").query("date", tomorrow().toString())
                .bearer(MealFixtures.officer(COUNTY)));

        assertThat(served.json().path("status").asText()).isEqualTo("SERVED");
        assertThat(again.code()).isEqualTo("MEAL_ORDER_NOT_SERVABLE");
        assertThat(cancel.status()).isEqualTo(409);
        JsonNode mine = null;
        for (JsonNode item : settlements.json().path("items")) {
            if (item.path("mealPointId").asText().equals(point)) {
                mine = item;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("servedMeals").asLong()).isEqualTo(1);
        assertThat(mine.path("subsidyFen").asLong()).isEqualTo(500);
        assertThat(mine.path("settlementKey").asText()).isEqualTo("meal:" + COUNTY + ":" + point + ":" + tomorrow());
    }

    @Test
    void aNoShow_isMarkedOnlyAfterTheSlotHasEnded() {
        String point = pointWithMenu(door(), 10, 0);
        String id = door().send(lunch(resident(85), point)).json().path("id").asText();
        MutableClock.INSTANCE.setTo(tomorrow().atTime(12, 0).atZone(CountyTime.ZONE).toInstant());
        ApiAnswer early = door().send(ApiRequest.post("/v1/meal-orders/" + id + "/no-show", "{}").bearer(canteen(point))
                .idempotencyKey("ns-" + UUID.randomUUID()));
        MutableClock.INSTANCE.setTo(tomorrow().atTime(13, 5).atZone(CountyTime.ZONE).toInstant());
        ApiAnswer late = door().send(ApiRequest.post("/v1/meal-orders/" + id + "/no-show", "{}").bearer(canteen(point))
                .idempotencyKey("ns-" + UUID.randomUUID()));

        assertThat(early.code()).isEqualTo("MEAL_SLOT_NOT_OVER");
        assertThat(late.json().path("status").asText()).isEqualTo("NO_SHOW");
    }

    @Test
    void theKitchenDay_countsDishes_listsDeliveriesWithMaskedPhones_andTotalsMoney() {
        String point = pointWithMenu(door(), 10, 10);
        expect(door().send(order(operator(), resident(85), point, tomorrow(), "DINE_IN",
                "[{\"dishCode\":\"A1\",\"quantity\":2}]")), 201);
        expect(door().send(order(operator(), resident(70), point, tomorrow(), "DELIVERY",
                "[{\"dishCode\":\"B2\",\"quantity\":1}]")), 201);
        String cancelled = door().send(lunch(resident(90), point)).json().path("id").asText();
        expect(door().send(ApiRequest.post("/v1/meal-orders/" + cancelled + "/cancel", "{}").bearer(operator())
                .idempotencyKey("c-" + UUID.randomUUID())), 200);

        ApiAnswer day = door().send(ApiRequest.get("/v1/meal-points/" + point + "/days/" + tomorrow()).bearer(canteen(point)));

        expect(day, 200);
        JsonNode lunch = day.json().path("slots").path("LUNCH");
        assertThat(lunch.path("portionsByDish").path("A1 红烧鱼套餐").asInt()).isEqualTo(2);
        assertThat(lunch.path("portionsByDish").path("B2 素菜套餐").asInt()).isEqualTo(1);
        assertThat(lunch.path("ordered").asInt()).isEqualTo(3);
        assertThat(lunch.path("cancelled").asInt()).isEqualTo(1);
        assertThat(lunch.path("deliveries")).hasSize(1);
        assertThat(lunch.path("deliveries").get(0).path("phoneMasked").asText()).matches("1[0-9]{2}\\*{4}[0-9]{4}");
        assertThat(day.json().path("totals").path("priceFen").asLong()).isEqualTo(2400 + 800);
        assertThat(day.json().path("totals").path("subsidyFen").asLong()).isEqualTo(500 + 300);
    }

    @Test
    void aResidentSeesTheirOwnOrdersOfTheMonth() {
        String resident = resident(80);
        String point = pointWithMenu(door(), 10, 0);
        String id = door().send(lunch(resident, point)).json().path("id").asText();

        ApiAnswer mine = door().send(ApiRequest.get("/v1/meal-orders").query("residentId", resident)
                .query("month", tomorrow().toString().substring(0, 7)).bearer(residentToken(resident)));
        ApiAnswer theirs = door().send(ApiRequest.get("/v1/meal-orders").query("residentId", resident)
                .query("month", tomorrow().toString().substring(0, 7)).bearer(residentToken(resident(80))));

        assertThat(mine.json().path("items")).extracting(n -> n.path("id").asText()).containsExactly(id);
        assertThat(theirs.status()).isEqualTo(404);
    }

    @Test
    void aWeeklyCap_letsFurtherMealsBeOrdered_atFullPrice() {
        MealFixtures.policy(door(), MealFixtures.POLICY.replace("\"freeCategories\"", "\"weeklyMealsMax\":1,\"freeCategories\""));
        String resident = resident(85);
        String point = pointWithMenu(door(), 10, 0);
        ApiRequest lunch = lunch(resident, point);
        ApiRequest dinner = ApiRequest.post("/v1/meal-orders", lunch.body().replace("LUNCH", "DINNER"))
                .bearer(operator()).idempotencyKey("order-" + UUID.randomUUID());

        ApiAnswer first = door().send(lunch);
        ApiAnswer second = door().send(dinner);

        assertThat(subsidy(first)).isEqualTo(500);
        assertThat(subsidy(second)).as("the same week, over the cap of one").isZero();
        assertThat(second.json().path("payFen").asLong()).isEqualTo(1200);
    }

    private static long subsidy(ApiAnswer answer) {
        expect(answer, 201);
        return answer.json().path("subsidyFen").asLong();
    }
}
