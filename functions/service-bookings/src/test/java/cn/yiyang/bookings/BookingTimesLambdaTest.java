package cn.yiyang.bookings;

import static cn.yiyang.bookings.BookingFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.ScenarioCounties;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.TestResidents;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The times a service can be booked at, with their places left, as the hotline desk shows them: summed over the
 * providers serving the resident's street, taken from the same windows booking reserves in, and refused hour by
 * hour with the code booking itself would answer. Each test keeps a county of its own.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class BookingTimesLambdaTest {

    private final LambdaDoor door = LambdaDoor.ofThisTest();
    private String county;
    private String street;

    @BeforeEach
    void aCountyOfItsOwn() {
        county = ScenarioCounties.fresh();
        street = county + "001";
        expect(door.send(ApiRequest.post("/v1/services/defaults", "{}").bearer(officer()).idempotencyKey(key())), 201);
    }

    @AfterEach
    void realTime() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void eachHour_answersThePlacesLeftOfTheProvidersServingTheStreet_untilBookingRefusesItFull() {
        String small = newProvider(street, 2);
        String large = newProvider(street, 3);
        String elsewhere = newProvider(county + "002", 4);
        String resident = resident(street);
        book(resident, tomorrowAt(10), null);
        book(resident, tomorrowAt(10), null);
        book(resident, tomorrowAt(14), large);
        book(resident(county + "002"), tomorrowAt(9), elsewhere);

        JsonNode day = expect(door.send(times(resident, "BATH", tomorrow(), operator())), 200).json();

        assertThat(day.path("date").asText()).isEqualTo(tomorrow());
        assertThat(hours(day)).containsExactly("08:00 5 5 -", "09:00 5 5 -", "10:00 5 3 -", "11:00 5 5 -", "12:00 5 5 -",
                "13:00 5 5 -", "14:00 5 4 -", "15:00 5 5 -", "16:00 5 5 -", "17:00 5 5 -");
        assertThat(small).isNotEqualTo(large);

        for (int i = 0; i < 3; i++) {
            book(resident, tomorrowAt(10), null);
        }
        JsonNode full = expect(door.send(times(resident, "BATH", tomorrow(), operator())), 200).json();
        ApiAnswer oneMore = door.send(booking(resident, tomorrowAt(10), null));

        assertThat(hours(full)).contains("10:00 5 0 BOOKING_NO_CAPACITY", "11:00 5 5 -");
        assertThat(oneMore.code()).isEqualTo("BOOKING_NO_CAPACITY");
    }

    @Test
    void hoursPastOrWithoutNotice_nameTheRefusalBookingWouldAnswer() {
        newProvider(street, 2);
        String resident = resident(street);
        MutableClock.INSTANCE.setTo(tomorrowAt(9).plusMinutes(10).toInstant());

        JsonNode day = expect(door.send(times(resident, "BATH", tomorrow(), operator())), 200).json();
        ApiAnswer tooSoon = door.send(booking(resident, tomorrowAt(11), null));

        // 120 minutes' notice by default: 11:00 is 110 minutes away, 12:00 is bookable.
        assertThat(hours(day)).startsWith("08:00 2 2 BOOKING_IN_THE_PAST", "09:00 2 2 BOOKING_IN_THE_PAST",
                "10:00 2 2 BOOKING_TOO_SOON", "11:00 2 2 BOOKING_TOO_SOON", "12:00 2 2 -");
        assertThat(tooSoon.code()).isEqualTo("BOOKING_TOO_SOON");
    }

    @Test
    void theDayCarriesWhatAVisitCostsTheResident_andBookingRecordsThatPrice() {
        newProvider(street, 2);
        String disabled = TestResidents.publish(county, street, LocalDate.of(1940, 6, 1), Set.of(), "SHINENG");
        String noShare = resident(street);

        JsonNode priced = expect(door.send(times(disabled, "BATH", tomorrow(), operator())), 200).json().path("price");
        JsonNode full = expect(door.send(times(noShare, "BATH", tomorrow(), operator())), 200).json().path("price");
        JsonNode booked = expect(door.send(booking(disabled, tomorrowAt(10), null)), 201).json();

        assertThat(List.of(priced.path("priceFen").asLong(), priced.path("subsidyPercent").asLong(),
                priced.path("subsidyFen").asLong(), priced.path("payFen").asLong()))
                .as("失能 80% of ¥80").containsExactly(8000L, 80L, 6400L, 1600L);
        assertThat(List.of(full.path("priceFen").asLong(), full.path("subsidyPercent").asLong(),
                full.path("subsidyFen").asLong(), full.path("payFen").asLong())).containsExactly(8000L, 0L, 0L, 8000L);
        assertThat(List.of(booked.path("priceFen").asLong(), booked.path("subsidyFen").asLong(), booked.path("payFen").asLong()))
                .as("what the hotline read out is what was booked").containsExactly(8000L, 6400L, 1600L);
    }

    @Test
    void onlyThoseWhoMayBookForTheResidentMayAsk_andBadQuestionsAre4xx() {
        newProvider(street, 2);
        String resident = resident(street);
        String unserved = resident(county + "009");

        assertThat(door.send(times(resident, "BATH", tomorrow(), Tokens.of(county, resident, Role.RESIDENT))).status()).isEqualTo(200);
        assertThat(door.send(times(resident, "BATH", tomorrow(), Tokens.of(county, unserved, Role.RESIDENT))).status()).isEqualTo(404);
        assertThat(door.send(times(resident, "BATH", tomorrow(), Tokens.of(county, "canteen-1", Role.CANTEEN))).status()).isEqualTo(403);
        assertThat(door.send(times(unserved, "BATH", tomorrow(), operator())).code()).isEqualTo("BOOKING_NO_PROVIDER");
        assertThat(door.send(times(resident, "NOSUCH", tomorrow(), operator())).body()).contains("UNKNOWN_SERVICE");
        assertThat(door.send(times(resident, "BATH", "2026-13-01", operator())).body()).contains("BAD_DATE");
        assertThat(door.send(ApiRequest.get("/v1/booking-times").query("residentId", resident).query("serviceCode", "BATH")
                .bearer(operator())).code()).isEqualTo("MISSING_PARAMETER");
    }

    private static List<String> hours(JsonNode day) {
        List<String> hours = new ArrayList<>();
        day.path("hours").forEach(h -> hours.add(OffsetDateTime.parse(h.path("startsAt").asText())
                .atZoneSameInstant(CountyTime.ZONE).toLocalTime() + " " + h.path("places").asInt() + " "
                + h.path("placesLeft").asInt() + " " + (h.path("refusal").isTextual() ? h.path("refusal").asText() : "-")));
        return hours;
    }

    private String officer() {
        return Tokens.of(county, "officer-1", Role.OFFICER);
    }

    private String operator() {
        return Tokens.of(county, "operator-1", Role.OPERATOR);
    }

    private String newProvider(String streetCode, int windowCapacity) {
        return expect(door.send(ApiRequest.post("/v1/providers", """
                {"name":"西湖颐康居家服务中心","streets":["%s"],"services":["BATH","CLEAN"],"windowCapacity":%d}"""
                .formatted(streetCode, windowCapacity)).bearer(officer()).idempotencyKey(key())), 201).json().path("id").asText();
    }

    private String resident(String streetCode) {
        return TestResidents.publish(county, streetCode, LocalDate.of(1940, 6, 1), Set.of());
    }

    private ApiRequest booking(String resident, OffsetDateTime startsAt, String provider) {
        String named = provider == null ? "" : ",\"providerId\":\"" + provider + "\"";
        return ApiRequest.post("/v1/bookings", """
                {"residentId":"%s","serviceCode":"BATH","startsAt":"%s"%s}""".formatted(resident, startsAt, named))
                .bearer(operator()).idempotencyKey(key());
    }

    private void book(String resident, OffsetDateTime startsAt, String provider) {
        expect(door.send(booking(resident, startsAt, provider)), 201);
    }

    private static ApiRequest times(String resident, String service, String date, String token) {
        return ApiRequest.get("/v1/booking-times").query("residentId", resident).query("serviceCode", service).query("date", date)
                .bearer(token);
    }

    private static String tomorrow() {
        return LocalDate.now(CountyTime.ZONE).plusDays(1).toString();
    }

    private static OffsetDateTime tomorrowAt(int hour) {
        return LocalDate.now(CountyTime.ZONE).plusDays(1).atTime(hour, 0).atZone(CountyTime.ZONE).toOffsetDateTime();
    }

    private static String key() {
        return "times-" + UUID.randomUUID();
    }
}
