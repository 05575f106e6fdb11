package cn.yiyang.timebank;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestResidents;
import cn.yiyang.testing.TestVolunteers;
import cn.yiyang.testing.Tokens;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** Volunteers, residents and logged services for the time-bank scenarios. */
public final class TimeBankFixtures {

    public static final String COUNTY = "330105";

    private TimeBankFixtures() {
    }

    public static String volunteerToken(String volunteer) {
        return Tokens.of(COUNTY, volunteer, Role.VOLUNTEER);
    }

    public static String officer() {
        return Tokens.of(COUNTY, "officer-tb", Role.OFFICER);
    }

    /** A registered volunteer (optionally the same person as a registered resident). */
    public static String volunteer(Door door, String linkedResidentId) {
        String id = "vol-" + UUID.randomUUID();
        TestVolunteers.publish(COUNTY, id, LocalDate.of(1970, 5, 1));
        String body = linkedResidentId == null ? "{\"name\":\"小张\"}"
                : "{\"name\":\"小张\",\"linkedResidentId\":\"" + linkedResidentId + "\"}";
        expect(door.send(ApiRequest.post("/v1/time-bank/volunteers", body).bearer(volunteerToken(id))
                .idempotencyKey("vol-" + UUID.randomUUID())), 201);
        return id;
    }

    public static String resident() {
        return resident(LocalDate.of(1938, 3, 3));
    }

    public static String resident(LocalDate birthDate) {
        return TestResidents.publish(COUNTY, COUNTY + "001", birthDate, Set.of());
    }

    /** {@code daysAgo} days back, at this local time. */
    public static OffsetDateTime at(int daysAgo, int hour, int minute) {
        return LocalDate.now(CountyTime.ZONE).minusDays(daysAgo).atTime(hour, minute).atZone(CountyTime.ZONE).toOffsetDateTime();
    }

    public static ApiRequest log(String volunteer, String resident, OffsetDateTime start, OffsetDateTime end) {
        return ApiRequest.post("/v1/time-bank/service-records", """
                {"residentId":"%s","serviceType":"COMPANY","start":"%s","end":"%s"}""".formatted(resident, start, end))
                .bearer(volunteerToken(volunteer)).idempotencyKey("rec-" + UUID.randomUUID());
    }

    /** Logs a service and has the resident confirm it: the volunteer earns its minutes. */
    public static void earn(Door door, String volunteer, String resident, OffsetDateTime start, OffsetDateTime end) {
        String record = expect(door.send(log(volunteer, resident, start, end)), 201).json().path("id").asText();
        expect(door.send(ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}")
                .bearer(Tokens.of(COUNTY, resident, Role.RESIDENT)).idempotencyKey("conf-" + UUID.randomUUID())), 200);
    }

    public static String item(Door door, long points, long stock) {
        return expect(door.send(ApiRequest.post("/v1/time-bank/items",
                "{\"name\":\"助洁服务一次\",\"kind\":\"SERVICE\",\"points\":" + points + ",\"stock\":" + stock
                        + ",\"serviceCode\":\"CLEAN\"}")
                .bearer(officer()).idempotencyKey("item-" + UUID.randomUUID())), 201).json().path("id").asText();
    }

    public static ApiRequest exchange(String volunteer, String item) {
        return ApiRequest.post("/v1/time-bank/exchanges", "{\"itemId\":\"" + item + "\"}")
                .bearer(volunteerToken(volunteer)).idempotencyKey("x-" + UUID.randomUUID());
    }

    public static ApiAnswer account(Door door, String volunteer) {
        return expect(door.send(ApiRequest.get("/v1/time-bank/accounts/" + volunteer).bearer(volunteerToken(volunteer))), 200);
    }

    public static ApiAnswer expect(ApiAnswer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ": " + answer);
        }
        return answer;
    }
}
