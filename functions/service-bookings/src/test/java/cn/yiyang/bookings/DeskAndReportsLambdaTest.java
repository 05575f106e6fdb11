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
import java.time.Duration;
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
 * The provider desk (its caregivers, its open bookings to assign) and the officer's booking reports,
 * aggregated by the database. Each test keeps a county of its own, so every count is exactly its own bookings.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class DeskAndReportsLambdaTest {

    private final LambdaDoor door = LambdaDoor.ofThisTest();
    private String county;
    private String street;
    private String provider;

    @BeforeEach
    void aCountyOfItsOwn() {
        county = ScenarioCounties.fresh();
        street = county + "001";
        expect(door.send(ApiRequest.post("/v1/services/defaults", "{}").bearer(officer()).idempotencyKey(key())), 201);
        provider = newProvider();
    }

    @AfterEach
    void realTime() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void theProviderDesk_listsItsOwnCaregiversByName_officersAnyProvidersAndOtherProvidersNone() {
        String liu = caregiver(provider, "刘护理");
        String chen = caregiver(provider, "陈护理");
        String other = newProvider();
        caregiver(other, "王护理");

        JsonNode own = expect(door.send(caregivers(provider, providerToken(provider))), 200).json();
        JsonNode byOfficer = expect(door.send(caregivers(other, officer())), 200).json();
        ApiAnswer byOtherProvider = door.send(caregivers(provider, providerToken(other)));
        ApiAnswer byCaregiver = door.send(caregivers(provider, Tokens.actingFor(county, "cg", Role.CAREGIVER, liu)));

        // by name as the database orders text (code points): 刘 U+5218 before 陈 U+9648
        assertThat(own.path("items").findValuesAsText("id")).containsExactly(liu, chen);
        assertThat(own.path("items").get(0).path("name").asText()).isEqualTo("刘护理");
        assertThat(byOfficer.path("items").findValuesAsText("name")).containsExactly("王护理");
        assertThat(byOtherProvider.status()).isEqualTo(404);
        assertThat(byCaregiver.status()).isEqualTo(403);
    }

    @Test
    void theProviderDesk_listsOpenBookingsToAssignFirst_emergenciesFirstAmongThem_thenByTime() {
        String caregiver = caregiver(provider, "刘护理");
        String resident = resident();
        String assigned = book(resident, "BATH", tomorrowAt(9, 0));
        String laterBath = book(resident, "CLEAN", tomorrowAt(15, 0));
        String earlierBath = book(resident, "HAIRCUT", tomorrowAt(11, 0));
        String cancelled = book(resident, "BATH", tomorrowAt(13, 0));
        String emergency = book(resident, "EMERGENCY", tomorrowAt(16, 30));
        String nextWeek = book(resident, "BATH", tomorrowAt(10, 0).plusDays(8));
        expect(door.send(step(assigned, "assign", providerToken(provider), "{\"caregiverId\":\"" + caregiver + "\"}")), 200);
        expect(door.send(step(cancelled, "cancel", operator(), "{}")), 200);

        JsonNode desk = expect(door.send(openBookings(provider, providerToken(provider), null)), 200).json();
        JsonNode fortnight = expect(door.send(openBookings(provider, officer(), "14")), 200).json();
        ApiAnswer tooLong = door.send(openBookings(provider, officer(), "32"));

        assertThat(desk.path("items").findValuesAsText("id")).containsExactly(emergency, earlierBath, laterBath, assigned);
        assertThat(desk.path("items").get(1).path("serviceCode").asText()).isEqualTo("HAIRCUT");
        assertThat(desk.path("items").get(3).path("caregiverId").asText()).isEqualTo(caregiver);
        assertThat(fortnight.path("items").findValuesAsText("id")).containsExactly(emergency, earlierBath, laterBath, nextWeek,
                assigned);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(door.send(openBookings(provider, providerToken(newProvider()), null)).status()).isEqualTo(404);
    }

    @Test
    void bookingsPerServiceAndStatus_countsTheRangesBookingsInTheDatabase() {
        String resident = resident();
        book(resident, "BATH", tomorrowAt(9, 0));
        String cancelled = book(resident, "BATH", tomorrowAt(10, 0));
        book(resident, "BATH", tomorrowAt(11, 0));
        book(resident, "CLEAN", tomorrowAt(12, 0));
        book(resident, "CLEAN", tomorrowAt(9, 0).plusDays(2));
        expect(door.send(step(cancelled, "cancel", operator(), "{}")), 200);
        String tomorrow = tomorrowAt(0, 0).toLocalDate().toString();

        JsonNode oneDay = expect(door.send(report("services", tomorrow, tomorrow, officer())), 200).json();
        JsonNode threeDays = expect(door.send(report("services", tomorrow,
                tomorrowAt(0, 0).toLocalDate().plusDays(2).toString(), auditor())), 200).json();

        assertThat(counts(oneDay)).containsExactly("BATH CANCELLED 1", "BATH REQUESTED 2", "CLEAN REQUESTED 1");
        assertThat(counts(threeDays)).containsExactly("BATH CANCELLED 1", "BATH REQUESTED 2", "CLEAN REQUESTED 2");
        assertThat(door.send(report("services", tomorrow, tomorrow, operator())).status()).isEqualTo(403);
        assertThat(door.send(report("services", tomorrow, tomorrow, providerToken(provider))).status()).isEqualTo(403);
    }

    @Test
    void reportRanges_areBounded_andNeedBothDates() {
        ApiAnswer reversed = door.send(report("services", "2026-12-02", "2026-12-01", officer()));
        ApiAnswer overAYear = door.send(report("emergency-response", "2025-01-01", "2026-01-02", officer()));
        ApiAnswer aYear = door.send(report("emergency-response", "2025-01-01", "2026-01-01", officer()));
        ApiAnswer noTo = door.send(ApiRequest.get("/v1/booking-reports/services").query("from", "2026-12-01").bearer(officer()));
        ApiAnswer badDate = door.send(report("services", "2026-13-01", "2026-12-01", officer()));

        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("BEFORE_FROM");
        assertThat(overAYear.status()).isEqualTo(400);
        assertThat(overAYear.body()).contains("RANGE_TOO_LONG");
        assertThat(aYear.status()).isEqualTo(200);
        assertThat(noTo.code()).isEqualTo("MISSING_PARAMETER");
        assertThat(badDate.body()).contains("BAD_DATE");
    }

    /**
     * Three 助急 bookings made at 08:00 are assigned after 5, 10 and 30 minutes; two are checked in
     * after 20 and 40. Median and 90th percentile (interpolated): 10 and 26 minutes to assign, 30 and 38 to
     * the door. A 助急 booking made the next day is that day's.
     */
    @Test
    void emergencyResponseTimes_perDay_countMedianAndP90FromCreation() {
        String caregiver = caregiver(provider, "刘护理");
        String resident = resident();
        OffsetDateTime made = tomorrowAt(8, 0);
        List<String> emergencies = new ArrayList<>();
        for (int hour : new int[] {9, 11, 13}) {
            MutableClock.INSTANCE.setTo(made.toInstant());
            emergencies.add(book(resident, "EMERGENCY", made.withHour(hour)));
        }
        book(resident, "BATH", made.withHour(15));
        at(made, 5, () -> assign(emergencies.get(0), caregiver));
        at(made, 10, () -> assign(emergencies.get(1), caregiver));
        at(made, 20, () -> checkIn(emergencies.get(0), caregiver));
        at(made, 30, () -> assign(emergencies.get(2), caregiver));
        at(made, 40, () -> checkIn(emergencies.get(1), caregiver));
        MutableClock.INSTANCE.setTo(made.plusDays(1).toInstant());
        book(resident, "EMERGENCY", made.plusDays(1).withHour(10));
        MutableClock.INSTANCE.reset();
        LocalDate day = made.toLocalDate();

        JsonNode report = expect(door.send(report("emergency-response", day.toString(), day.plusDays(1).toString(), auditor())),
                200).json();

        JsonNode first = report.path("days").get(0);
        assertThat(report.path("days")).hasSize(2);
        assertThat(first.path("date").asText()).isEqualTo(day.toString());
        assertThat(first.path("created").asLong()).isEqualTo(3);
        assertThat(first.path("assigned").asLong()).isEqualTo(3);
        assertThat(first.path("assignMinutesMedian").asLong()).isEqualTo(10);
        assertThat(first.path("assignMinutesP90").asLong()).isEqualTo(26);
        assertThat(first.path("checkedIn").asLong()).isEqualTo(2);
        assertThat(first.path("checkInMinutesMedian").asLong()).isEqualTo(30);
        assertThat(first.path("checkInMinutesP90").asLong()).isEqualTo(38);
        JsonNode second = report.path("days").get(1);
        assertThat(second.path("created").asLong()).isEqualTo(1);
        assertThat(second.path("assigned").asLong()).isZero();
        assertThat(second.path("assignMinutesMedian").isNumber()).isFalse();
    }

    private void at(OffsetDateTime made, int minutesLater, Runnable step) {
        MutableClock.INSTANCE.setTo(made.plus(Duration.ofMinutes(minutesLater)).toInstant());
        step.run();
    }

    private void assign(String booking, String caregiver) {
        expect(door.send(step(booking, "assign", providerToken(provider), "{\"caregiverId\":\"" + caregiver + "\"}")), 200);
    }

    private void checkIn(String booking, String caregiver) {
        expect(door.send(step(booking, "check-in", Tokens.actingFor(county, "cg-" + caregiver, Role.CAREGIVER, caregiver), "{}")),
                200);
    }

    private static List<String> counts(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.path("items").forEach(r -> rows.add(r.path("serviceCode").asText() + " " + r.path("status").asText() + " "
                + r.path("bookings").asLong()));
        return rows;
    }

    private String officer() {
        return Tokens.of(county, "officer-1", Role.OFFICER);
    }

    private String auditor() {
        return Tokens.of(county, "auditor-1", Role.AUDITOR);
    }

    private String operator() {
        return Tokens.of(county, "operator-1", Role.OPERATOR);
    }

    private String providerToken(String id) {
        return Tokens.actingFor(county, "provider-staff-" + id, Role.PROVIDER, id);
    }

    private String newProvider() {
        return expect(door.send(ApiRequest.post("/v1/providers", """
                {"name":"西湖颐康居家服务中心","streets":["%s"],"services":["BATH","CLEAN","EMERGENCY","HAIRCUT"],"windowCapacity":10}"""
                .formatted(street)).bearer(officer()).idempotencyKey(key())), 201).json().path("id").asText();
    }

    private String caregiver(String providerId, String name) {
        return expect(door.send(ApiRequest.post("/v1/providers/" + providerId + "/caregivers", """
                {"name":"%s","certified":true,"worksFrom":"08:00","worksUntil":"18:00"}""".formatted(name))
                .bearer(providerToken(providerId)).idempotencyKey(key())), 201).json().path("id").asText();
    }

    private String resident() {
        return TestResidents.publish(county, street, LocalDate.of(1940, 6, 1), Set.of());
    }

    private String book(String resident, String service, OffsetDateTime startsAt) {
        return expect(door.send(ApiRequest.post("/v1/bookings", """
                {"residentId":"%s","serviceCode":"%s","startsAt":"%s","providerId":"%s"}""".formatted(resident, service, startsAt,
                provider)).bearer(operator()).idempotencyKey(key())), 201).json().path("id").asText();
    }

    private static ApiRequest step(String booking, String action, String token, String body) {
        return ApiRequest.post("/v1/bookings/" + booking + "/" + action, body).bearer(token).idempotencyKey(key());
    }

    private static ApiRequest caregivers(String providerId, String token) {
        return ApiRequest.get("/v1/providers/" + providerId + "/caregivers").bearer(token);
    }

    private static ApiRequest openBookings(String providerId, String token, String days) {
        ApiRequest request = ApiRequest.get("/v1/providers/" + providerId + "/bookings").bearer(token);
        return days == null ? request : request.query("days", days);
    }

    private static ApiRequest report(String which, String from, String to, String token) {
        return ApiRequest.get("/v1/booking-reports/" + which).query("from", from).query("to", to).bearer(token);
    }

    private static OffsetDateTime tomorrowAt(int hour, int minute) {
        return LocalDate.now(CountyTime.ZONE).plusDays(1).atTime(hour, minute).atZone(CountyTime.ZONE).toOffsetDateTime();
    }

    private static String key() {
        return "desk-" + UUID.randomUUID();
    }
}
