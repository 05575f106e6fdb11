package cn.yiyang.bookings;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.JvmWideSequence;
import cn.yiyang.testing.TestResidents;
import cn.yiyang.testing.Tokens;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The world a booking scenario needs. Each scenario takes a street of its own, so providers made
 * by other scenarios never serve its residents.
 */
public final class BookingFixtures {

    public static final String COUNTY = "330105";
    public static final String OTHER_COUNTY = "320303";

    private BookingFixtures() {
    }

    public static String officer() {
        return Tokens.of(COUNTY, "officer-1", Role.OFFICER);
    }

    public static String operator() {
        return Tokens.of(COUNTY, "operator-9", Role.OPERATOR);
    }

    public static String provider(String providerId) {
        return Tokens.actingFor(COUNTY, "provider-staff-" + providerId, Role.PROVIDER, providerId);
    }

    public static String caregiver(String caregiverId) {
        return Tokens.actingFor(COUNTY, "caregiver-staff-" + caregiverId, Role.CAREGIVER, caregiverId);
    }

    public static String residentToken(String residentId) {
        return Tokens.of(COUNTY, residentId, Role.RESIDENT);
    }

    /**
     * A street no other test of this JVM has had yet: a provider found serving it is the test's own.
     * Drawn at random, two of the module's hundred-odd tests shared a street (a booking went to the
     * other test's provider); taken in turn from a random start held in a static, two test classes (each a new
     * class loader) could still overlap (ci24: a cancelled booking's street showed another class's 4 places).
     * Now taken in turn JVM-wide ({@link JvmWideSequence}), so none repeats in a JVM.
     */
    public static String newStreet() {
        int next = JvmWideSequence.next("booking-street");
        if (next >= STREETS_COUNT) {
            throw new IllegalStateException("all " + STREETS_COUNT + " scenario streets of " + COUNTY + " are taken in this JVM");
        }
        return COUNTY + String.format("%03d", STREETS_FIRST + next);
    }

    private static final int STREETS_FIRST = 100;
    private static final int STREETS_COUNT = 900;

    /** Tomorrow at this hour, Asia/Shanghai. */
    public static OffsetDateTime tomorrowAt(int hour, int minute) {
        return LocalDate.now(CountyTime.ZONE).plusDays(1).atTime(hour, minute).atZone(CountyTime.ZONE).toOffsetDateTime();
    }

    public static String resident(String street, String... categories) {
        return TestResidents.publish(COUNTY, street, LocalDate.of(1940, 6, 1), Set.of(), categories);
    }

    public static void catalog(Door door) {
        expect(door.send(ApiRequest.post("/v1/services/defaults", "{}").bearer(officer()).idempotencyKey("svc-" + UUID.randomUUID())), 201);
    }

    public static String provider(Door door, String street, int windowCapacity) {
        return expect(door.send(ApiRequest.post("/v1/providers", """
                {"name":"西湖颐康居家服务中心","streets":["%s"],"services":["BATH","CLEAN","EMERGENCY","HAIRCUT"],"windowCapacity":%d}"""
                .formatted(street, windowCapacity)).bearer(officer()).idempotencyKey("prov-" + UUID.randomUUID())), 201)
                .json().path("id").asText();
    }

    public static String caregiver(Door door, String provider, boolean certified) {
        return expect(door.send(ApiRequest.post("/v1/providers/" + provider + "/caregivers", """
                {"name":"刘护理","certified":%s,"worksFrom":"08:00","worksUntil":"18:00"}""".formatted(certified))
                .bearer(provider(provider)).idempotencyKey("cg-" + UUID.randomUUID())), 201).json().path("id").asText();
    }

    public static ApiRequest book(String token, String resident, String service, OffsetDateTime startsAt) {
        return ApiRequest.post("/v1/bookings", """
                {"residentId":"%s","serviceCode":"%s","startsAt":"%s"}""".formatted(resident, service, startsAt))
                .bearer(token).idempotencyKey("book-" + UUID.randomUUID());
    }

    public static ApiRequest step(String booking, String action, String token, String body) {
        return ApiRequest.post("/v1/bookings/" + booking + "/" + action, body).bearer(token)
                .idempotencyKey(action + "-" + UUID.randomUUID());
    }

    public static ApiAnswer expect(ApiAnswer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ": " + answer);
        }
        return answer;
    }
}
