package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.BookingFixtures;
import cn.yiyang.funds.FundFixtures;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealFixtures;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.StoresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path in one process over real HTTP: a meal ordered and served, a bath booked, visited
 * and checked out, each through its own function's routes, then settled by fund-lines reading the
 * same DynamoDB and PostgreSQL the local gateway runs on, once however often it is run, each down to the order or booking and the resident in the transfer's trace.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class SettlementHttpTest {

    private static final String COUNTY = MealFixtures.COUNTY;

    private final Door door = new HttpDoor(HttpPort.PORT);

    @AfterEach
    void realTime() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void aServedMealAndACompletedBath_madeThroughTheirOwnFunctions_areSettledOnce_andApproved() {
        LocalDate day = MealFixtures.tomorrow();
        FundFixtures.installLines(door, COUNTY);
        fund("MEAL_SUBSIDY", day.getYear());
        fund("SERVICE_SUBSIDY", day.getYear());

        MealFixtures.policy(door, MealFixtures.POLICY);
        String point = MealFixtures.pointWithMenu(door, 10, 0);
        JsonNode order = MealFixtures.expect(door.send(MealFixtures.lunch(MealFixtures.resident(85), point)), 201).json();
        BookingFixtures.catalog(door);
        String street = BookingFixtures.newStreet();
        String provider = BookingFixtures.provider(door, street, 10);
        String caregiver = BookingFixtures.caregiver(door, provider, true);
        String resident = BookingFixtures.resident(street, "SHINENG");
        JsonNode bath = BookingFixtures.expect(door.send(BookingFixtures.book(BookingFixtures.operator(), resident, "BATH",
                BookingFixtures.tomorrowAt(10, 0))), 201).json();
        String booking = bath.path("id").asText();
        BookingFixtures.expect(door.send(BookingFixtures.step(booking, "assign", BookingFixtures.provider(provider),
                "{\"caregiverId\":\"" + caregiver + "\"}")), 200);
        MutableClock.INSTANCE.setTo(BookingFixtures.tomorrowAt(10, 2).toInstant());
        BookingFixtures.expect(door.send(BookingFixtures.step(booking, "check-in", BookingFixtures.caregiver(caregiver), "{}")), 200);
        MutableClock.INSTANCE.setTo(BookingFixtures.tomorrowAt(10, 50).toInstant());
        BookingFixtures.expect(door.send(BookingFixtures.step(booking, "check-out", BookingFixtures.caregiver(caregiver), "{}")), 200);
        MutableClock.INSTANCE.setTo(day.atTime(11, 30).atZone(CountyTime.ZONE).toInstant());
        MealFixtures.expect(door.send(ApiRequest.post("/v1/meal-orders/" + order.path("id").asText() + "/serve", "{}")
                .bearer(MealFixtures.canteen(order.path("mealPointId").asText())).idempotencyKey(FundFixtures.key("serve"))), 200);

        MutableClock.INSTANCE.setTo(day.plusDays(1).atTime(2, 0).atZone(CountyTime.ZONE).toInstant());
        JsonNode meals = settle("/v1/settlements/meals", "{\"date\":\"" + day + "\"}");
        JsonNode mealsAgain = settle("/v1/settlements/meals", "{\"date\":\"" + day + "\"}");
        JsonNode meal = item(meals, "meal:" + COUNTY + ":" + point + ":" + day);
        // Approved on the day it is made: a pending transfer expires after the county's approval time.
        assertThat(approve(meal).path("status").asText()).isEqualTo("POSTED");
        YearMonth month = YearMonth.from(BookingFixtures.tomorrowAt(10, 0).atZoneSameInstant(CountyTime.ZONE));
        MutableClock.INSTANCE.setTo(month.plusMonths(1).atDay(1).atTime(4, 0).atZone(CountyTime.ZONE).toInstant());
        JsonNode bookings = settle("/v1/settlements/bookings", "{\"month\":\"" + month + "\"}");
        JsonNode bookingsAgain = settle("/v1/settlements/bookings", "{\"month\":\"" + month + "\"}");

        assertThat(meal.path("result").asText()).isEqualTo("CREATED");
        assertThat(meal.path("amountFen").asLong()).isEqualTo(order.path("subsidyFen").asLong()).isPositive();
        assertThat(meal.path("payeeName").asText()).isEqualTo("西湖颐乐餐饮");
        assertThat(item(mealsAgain, meal.path("settlementKey").asText()).path("result").asText()).isEqualTo("ALREADY_SETTLED");
        assertThat(mealsAgain.path("created").asInt()).isZero();
        JsonNode bathItem = item(bookings, "booking:" + COUNTY + ":" + provider + ":" + month);
        assertThat(bathItem.path("result").asText()).isEqualTo("CREATED");
        assertThat(bathItem.path("units").asLong()).isEqualTo(1);
        assertThat(bathItem.path("amountFen").asLong()).isEqualTo(bath.path("subsidyFen").asLong()).isPositive();
        assertThat(bookingsAgain.path("created").asInt()).isZero();

        assertThat(approve(bathItem).path("status").asText()).isEqualTo("POSTED");
        JsonNode mealTrace = trace(meal).path("settlement");
        assertThat(mealTrace.path("items")).hasSize(1);
        assertThat(mealTrace.path("items").get(0).path("itemRef").asText()).isEqualTo(order.path("id").asText());
        assertThat(mealTrace.path("items").get(0).path("residentId").asText()).isEqualTo(order.path("residentId").asText());
        assertThat(mealTrace.path("items").get(0).path("amountFen").asLong()).isEqualTo(meal.path("amountFen").asLong());
        JsonNode bathTrace = trace(bathItem).path("settlement");
        assertThat(bathTrace.path("items")).hasSize(1);
        assertThat(bathTrace.path("items").get(0).path("itemRef").asText()).isEqualTo(booking);
        assertThat(bathTrace.path("items").get(0).path("residentId").asText()).isEqualTo(resident);
        assertThat(bathTrace.path("items").get(0).path("date").asText())
                .isEqualTo(BookingFixtures.tomorrowAt(10, 0).atZoneSameInstant(CountyTime.ZONE).toLocalDate().toString());
        assertThat(bathTrace.path("items").get(0).path("amountFen").asLong()).isEqualTo(bathItem.path("amountFen").asLong());
        assertThat(FundFixtures.verify(door, COUNTY).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aBathCutFarTooShort_isHeldOutOfTheProvidersSettlement_untilAnOfficerReleasesIt_overHttp() {
        ApiRequest lines = ApiRequest.post("/v1/fund-lines/defaults", "{}").bearer(FundFixtures.officer(COUNTY))
                .idempotencyKey(FundFixtures.key("lines"));
        assertThat(door.send(lines).status()).isIn(201, 409);
        YearMonth month = YearMonth.from(BookingFixtures.tomorrowAt(10, 0).atZoneSameInstant(CountyTime.ZONE));
        fund("SERVICE_SUBSIDY", month.getYear());
        BookingFixtures.catalog(door);
        String street = BookingFixtures.newStreet();
        String provider = BookingFixtures.provider(door, street, 10);
        String caregiver = BookingFixtures.caregiver(door, provider, true);
        String resident = BookingFixtures.resident(street, "SHINENG");
        String booking = BookingFixtures.expect(door.send(BookingFixtures.book(BookingFixtures.operator(), resident, "BATH",
                BookingFixtures.tomorrowAt(10, 0))), 201).json().path("id").asText();
        BookingFixtures.expect(door.send(BookingFixtures.step(booking, "assign", BookingFixtures.provider(provider),
                "{\"caregiverId\":\"" + caregiver + "\"}")), 200);
        MutableClock.INSTANCE.setTo(BookingFixtures.tomorrowAt(10, 2).toInstant());
        BookingFixtures.expect(door.send(BookingFixtures.step(booking, "check-in", BookingFixtures.caregiver(caregiver), "{}")), 200);
        MutableClock.INSTANCE.setTo(BookingFixtures.tomorrowAt(10, 7).toInstant());
        BookingFixtures.expect(door.send(BookingFixtures.step(booking, "check-out", BookingFixtures.caregiver(caregiver), "{}")), 200);
        MutableClock.INSTANCE.setTo(month.plusMonths(1).atDay(1).atTime(4, 0).atZone(CountyTime.ZONE).toInstant());
        String settlementKey = "booking:" + COUNTY + ":" + provider + ":" + month;

        JsonNode held = item(settle("/v1/settlements/bookings", "{\"month\":\"" + month + "\"}"), settlementKey);
        JsonNode listed = FundFixtures.expect(door.send(ApiRequest.get("/v1/held-visits").query("month", month.toString())
                .bearer(FundFixtures.auditor(COUNTY))), 200).json();
        JsonNode released = FundFixtures.expect(door.send(ApiRequest.post("/v1/held-visits/" + booking + "/release",
                "{\"reason\":\"老人身体不适提前结束，家属电话确认\"}").bearer(FundFixtures.officer(COUNTY))
                .idempotencyKey(FundFixtures.key("release"))), 200).json();
        JsonNode paid = item(settle("/v1/settlements/bookings", "{\"month\":\"" + month + "\"}"), settlementKey);

        assertThat(held.path("result").asText()).isEqualTo("NOTHING_TO_PAY");
        assertThat(listed.path("items").findValuesAsText("bookingId")).contains(booking);
        assertThat(released.path("state").asText()).isEqualTo("RELEASED");
        assertThat(paid.path("result").asText()).isEqualTo("CREATED");
        JsonNode visit = trace(paid).path("settlement").path("items").get(0);
        assertThat(visit.path("itemRef").asText()).isEqualTo(booking);
        assertThat(visit.path("residentId").asText()).isEqualTo(resident);
        assertThat(visit.path("amountFen").asLong()).isEqualTo(paid.path("amountFen").asLong()).isPositive();
        assertThat(FundFixtures.verify(door, COUNTY).path("valid").asBoolean()).isTrue();
    }

    private void fund(String line, int fiscalYear) {
        String transfer = FundFixtures.expect(door.send(ApiRequest.post("/v1/appropriations", """
                {"fundLine":"%s","fiscalYear":%d,"amountFen":4000000}""".formatted(line, fiscalYear))
                .bearer(FundFixtures.officer(COUNTY)).idempotencyKey(FundFixtures.key("approp"))), 201).json().path("id").asText();
        FundFixtures.expect(door.send(FundFixtures.approve(COUNTY, transfer)), 200);
    }

    private JsonNode approve(JsonNode created) {
        return FundFixtures.expect(door.send(FundFixtures.approve(COUNTY, created.path("transferId").asText())), 200).json();
    }

    private JsonNode trace(JsonNode created) {
        return FundFixtures.expect(door.send(ApiRequest.get("/v1/transfers/" + created.path("transferId").asText() + "/trace")
                .bearer(FundFixtures.auditor(COUNTY))), 200).json();
    }

    private JsonNode settle(String path, String body) {
        return FundFixtures.expect(door.send(ApiRequest.post(path, body).bearer(FundFixtures.officer(COUNTY))
                .idempotencyKey(FundFixtures.key("settle"))), 200).json();
    }

    private static JsonNode item(JsonNode report, String settlementKey) {
        for (JsonNode item : report.path("items")) {
            if (item.path("settlementKey").asText().equals(settlementKey)) {
                return item;
            }
        }
        throw new AssertionError("no item " + settlementKey + " in " + report);
    }
}
