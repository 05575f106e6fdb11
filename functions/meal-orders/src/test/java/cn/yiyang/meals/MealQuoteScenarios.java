package cn.yiyang.meals;

import static cn.yiyang.meals.MealFixtures.expect;
import static cn.yiyang.meals.MealFixtures.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.ScenarioCounties;
import cn.yiyang.testing.TestResidents;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meal quote (issue 14): the price, subsidy and pay the hotline reads out before confirming are what
 * placing the same order then charges, computed by the same pricing; the quote places nothing. Each scenario
 * runs in a county of its own, so its policy and caps touch no other.
 */
public abstract class MealQuoteScenarios {

    private static final String TWO_DISHES = "[{\"dishCode\":\"A1\",\"quantity\":1},{\"dishCode\":\"B2\",\"quantity\":1}]";

    protected abstract Door door();

    private String county;
    private String point;

    @BeforeEach
    void aCountyWithAPointAndItsMenu() {
        county = ScenarioCounties.fresh();
        point = MealFixtures.point(door(), county, 10, 10, MealFixtures.ALL_WEEK);
        MealFixtures.menu(door(), county, point, tomorrow());
    }

    @Test
    void aBirthdayBeforeTheOrderDate_thatCrossesAnAgeBand_isQuotedAndChargedTheHigherBand() {
        policy(MealFixtures.POLICY);
        LocalDate birth = tomorrow().minusYears(80);
        assertThat(Period.between(birth, LocalDate.now(CountyTime.ZONE)).getYears()).as("79 today").isEqualTo(79);
        String resident = TestResidents.publish(county, county + "001", birth, Set.of());

        JsonNode quote = expect(door().send(quote(resident, "LUNCH", "A1,B2:1")), 200).json();
        JsonNode order = expect(door().send(place(resident, "LUNCH", TWO_DISHES)), 201).json();

        assertThat(quote.path("ageOnDate").asInt()).isEqualTo(80);
        assertThat(quote.path("subsidyFen").asLong()).as("the 80–89 band, not 60–79's 300").isEqualTo(500);
        assertThat(quote.path("priceFen").asLong()).isEqualTo(2000);
        assertThat(quote.path("payFen").asLong()).isEqualTo(1500);
        assertSameCharges(quote, order);
    }

    @Test
    void whenTheMonthlyCapIsUsedUp_theQuoteIsFullPrice_andSoIsThePlacement() {
        policy(MealFixtures.POLICY.replace("\"freeCategories\"", "\"monthlyMealsMax\":1,\"freeCategories\""));
        String resident = MealFixtures.resident(county, 85, Set.of());

        JsonNode lunchQuote = expect(door().send(quote(resident, "LUNCH", "A1")), 200).json();
        JsonNode lunch = expect(door().send(place(resident, "LUNCH", "[{\"dishCode\":\"A1\",\"quantity\":1}]")), 201).json();
        JsonNode dinnerQuote = expect(door().send(quote(resident, "DINNER", "A1")), 200).json();
        JsonNode dinner = expect(door().send(place(resident, "DINNER", "[{\"dishCode\":\"A1\",\"quantity\":1}]")), 201).json();

        assertThat(lunchQuote.path("subsidyFen").asLong()).isEqualTo(500);
        assertThat(lunchQuote.path("monthSubsidisedMeals").asLong()).isZero();
        assertSameCharges(lunchQuote, lunch);
        assertThat(dinnerQuote.path("subsidyFen").asLong()).as("the month's one subsidised meal is taken").isZero();
        assertThat(dinnerQuote.path("payFen").asLong()).isEqualTo(1200);
        assertThat(dinnerQuote.path("monthSubsidisedMeals").asLong()).isEqualTo(1);
        assertThat(dinnerQuote.path("monthlyMealsMax").asInt()).isEqualTo(1);
        assertThat(dinnerQuote.path("slotSubsidyTaken").asBoolean()).isFalse();
        assertSameCharges(dinnerQuote, dinner);
    }

    @Test
    void aQuote_placesNothing_andRefusesWhatPlacementRefuses() {
        policy(MealFixtures.POLICY);
        String resident = MealFixtures.resident(county, 70, Set.of());

        ApiAnswer mine = door().send(quote(resident, "LUNCH", "A1:2").bearer(Tokens.of(county, resident, Role.RESIDENT)));
        ApiAnswer notOnMenu = door().send(quote(resident, "LUNCH", "Z9"));
        ApiAnswer badList = door().send(quote(resident, "LUNCH", "A1:x"));
        ApiAnswer othersResident = door().send(quote(resident, "LUNCH", "A1")
                .bearer(Tokens.of(county, "someone-else", Role.RESIDENT)));
        ApiAnswer otherCanteen = door().send(quote(resident, "LUNCH", "A1")
                .bearer(Tokens.actingFor(county, "canteen-9", Role.CANTEEN, UUID.randomUUID().toString())));
        ApiAnswer orders = door().send(ApiRequest.get("/v1/meal-orders").query("residentId", resident)
                .query("month", tomorrow().toString().substring(0, 7)).bearer(officer()));

        assertThat(expect(mine, 200).json().path("priceFen").asLong()).isEqualTo(2400);
        assertThat(mine.json().path("subsidyFen").asLong()).isEqualTo(300);
        assertThat(notOnMenu.status()).isEqualTo(422);
        assertThat(notOnMenu.json().path("code").asText()).isEqualTo("MEAL_DISH_NOT_ON_MENU");
        assertThat(badList.status()).isEqualTo(400);
        assertThat(othersResident.status()).isEqualTo(404);
        assertThat(otherCanteen.status()).isEqualTo(404);
        assertThat(expect(orders, 200).json().path("items")).as("a quote places nothing").isEmpty();
    }

    private static void assertSameCharges(JsonNode quote, JsonNode order) {
        assertThat(order.path("priceFen")).isEqualTo(quote.path("priceFen"));
        assertThat(order.path("subsidyFen")).isEqualTo(quote.path("subsidyFen"));
        assertThat(order.path("payFen")).isEqualTo(quote.path("payFen"));
        assertThat(order.path("items")).isEqualTo(quote.path("items"));
        assertThat(order.path("policyVersion")).isEqualTo(quote.path("policyVersion"));
    }

    private ApiRequest quote(String resident, String slot, String dishes) {
        return ApiRequest.get("/v1/meal-quotes").query("residentId", resident).query("mealPointId", point)
                .query("date", tomorrow().toString()).query("slot", slot).query("mode", "DINE_IN").query("dishes", dishes)
                .bearer(operator());
    }

    private ApiRequest place(String resident, String slot, String items) {
        return ApiRequest.post("/v1/meal-orders", """
                {"residentId":"%s","mealPointId":"%s","date":"%s","slot":"%s","mode":"DINE_IN","items":%s}"""
                .formatted(resident, point, tomorrow(), slot, items)).bearer(operator())
                .idempotencyKey("order-" + UUID.randomUUID());
    }

    private void policy(String body) {
        expect(door().send(ApiRequest.post("/v1/meal-policies", body).bearer(officer())
                .idempotencyKey("policy-" + UUID.randomUUID())), 201);
    }

    private String operator() {
        return Tokens.of(county, "operator-" + county, Role.OPERATOR);
    }

    private String officer() {
        return MealFixtures.officer(county);
    }
}
