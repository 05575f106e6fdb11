package cn.yiyang.localgateway;

import cn.yiyang.bookings.BookingFixtures;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.meals.MealFixtures;
import cn.yiyang.residents.ResidentFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestVolunteers;
import cn.yiyang.testing.Tokens;
import cn.yiyang.timebank.TimeBankFixtures;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One county's objects made through the API itself, in pairs: what the rule walk's tokens act for
 * ("own": resident r1, family member linked to r1, meal point p1, provider 1 and its caregiver 1,
 * volunteer v1) and their twins nobody of those tokens acts for ("other": r2, p2, provider 2,
 * caregiver 2, v2). The family member is also a volunteer who gave r1 points, so r1 has an account.
 */
final class AccessWorld {

    static final String COUNTY = MealFixtures.COUNTY;
    private static final AtomicInteger SLOTS = new AtomicInteger();
    private static final AtomicInteger SERVICE_HOURS = new AtomicInteger();
    /** Earning fixtures log whole days of their own, far behind the walk's one-hour records. */
    private static final AtomicInteger EARNING_DAYS = new AtomicInteger(30);

    final Door door;
    final String r1;
    final String r2;
    final String family = "family-" + UUID.randomUUID();
    final String p1;
    final String p2;
    final String provider1;
    final String provider2;
    final String caregiver1;
    final String caregiver2;
    final String v1 = "vol-" + UUID.randomUUID();
    final String v2 = "vol-" + UUID.randomUUID();
    final String goods;
    final String service;

    AccessWorld(Door door) {
        this.door = door;
        r1 = ResidentFixtures.registerFresh(door, COUNTY).json().path("id").asText();
        r2 = ResidentFixtures.registerFresh(door, COUNTY).json().path("id").asText();
        expect(door.send(ApiRequest.post("/v1/residents/" + r1 + "/family-links",
                "{\"familySubject\":\"" + family + "\",\"relation\":\"CHILD\"}").bearer(officer()).idempotencyKey(key())), 201);
        MealFixtures.policy(door, MealFixtures.POLICY);
        p1 = MealFixtures.pointWithMenu(door, 500, 0);
        p2 = MealFixtures.pointWithMenu(door, 500, 0);
        BookingFixtures.catalog(door);
        provider1 = BookingFixtures.provider(door, ResidentFixtures.STREET, 50);
        provider2 = BookingFixtures.provider(door, ResidentFixtures.STREET, 50);
        caregiver1 = BookingFixtures.caregiver(door, provider1, true);
        caregiver2 = BookingFixtures.caregiver(door, provider2, true);
        goods = expect(door.send(ApiRequest.post("/v1/time-bank/items",
                "{\"name\":\"米一袋\",\"kind\":\"GOODS\",\"points\":10,\"stock\":100000}")
                .bearer(officer()).idempotencyKey(key())), 201).json().path("id").asText();
        service = expect(door.send(ApiRequest.post("/v1/time-bank/items",
                "{\"name\":\"助浴一次\",\"kind\":\"SERVICE\",\"points\":10,\"stock\":100000,\"serviceCode\":\"BATH\"}")
                .bearer(officer()).idempotencyKey(key())), 201).json().path("id").asText();
        for (String volunteer : List.of(v1, v2, family)) {
            TestVolunteers.publish(COUNTY, volunteer, java.time.LocalDate.of(1980, 3, 1));
            expect(door.send(ApiRequest.post("/v1/time-bank/volunteers", "{\"name\":\"小李\"}")
                    .bearer(Tokens.of(COUNTY, volunteer, Role.VOLUNTEER)).idempotencyKey(key())), 201);
            earn(volunteer, r2, 480);
        }
        expect(door.send(ApiRequest.post("/v1/time-bank/gifts", "{\"toResidentId\":\"" + r1 + "\",\"points\":400}")
                .bearer(Tokens.of(COUNTY, family, Role.VOLUNTEER)).idempotencyKey(key())), 201);
    }

    /** The token of a role acting for the "own" objects. */
    String token(Role role) {
        return switch (role) {
            case RESIDENT -> Tokens.of(COUNTY, r1, role);
            case FAMILY -> Tokens.of(COUNTY, family, role);
            case CANTEEN -> Tokens.actingFor(COUNTY, "canteen-staff-1", role, p1);
            case PROVIDER -> Tokens.actingFor(COUNTY, "provider-staff-1", role, provider1);
            case CAREGIVER -> Tokens.actingFor(COUNTY, "caregiver-staff-1", role, caregiver1);
            case VOLUNTEER -> Tokens.of(COUNTY, v1, role);
            default -> Tokens.of(COUNTY, role.claim() + "-walker", role);
        };
    }

    String officer() {
        return token(Role.OFFICER);
    }

    String order(String resident, String point) {
        return expect(door.send(MealFixtures.order(token(Role.OPERATOR), resident, point, MealFixtures.tomorrow(), "DINE_IN",
                "[{\"dishCode\":\"A1\",\"quantity\":1}]")), 201).json().path("id").asText();
    }

    /** A booking of the resident with the provider at a time of its own, assigned to the caregiver when one is given. */
    String booking(String resident, String provider, String caregiver) {
        int slot = SLOTS.getAndIncrement();
        OffsetDateTime startsAt = BookingFixtures.tomorrowAt(8, 0).plusDays(slot / 7).plusMinutes(75L * (slot % 7));
        String id = expect(door.send(ApiRequest.post("/v1/bookings", """
                {"residentId":"%s","serviceCode":"BATH","startsAt":"%s","providerId":"%s"}""".formatted(resident, startsAt, provider))
                .bearer(token(Role.OPERATOR)).idempotencyKey(key())), 201).json().path("id").asText();
        if (caregiver != null) {
            expect(door.send(BookingFixtures.step(id, "assign", BookingFixtures.provider(provider),
                    "{\"caregiverId\":\"" + caregiver + "\"}")), 200);
        }
        return id;
    }

    /** A pending service record: the volunteer served the resident for an hour of a past day of its own. */
    String record(String volunteer, String resident) {
        int hour = SERVICE_HOURS.getAndIncrement();
        OffsetDateTime start = TimeBankFixtures.at(1 + hour / 6, 8 + hour % 6, 0);
        return expect(door.send(ApiRequest.post("/v1/time-bank/service-records", """
                {"residentId":"%s","serviceType":"COMPANY","start":"%s","end":"%s"}""".formatted(resident, start, start.plusHours(1)))
                .bearer(Tokens.of(COUNTY, volunteer, Role.VOLUNTEER)).idempotencyKey(key())), 201).json().path("id").asText();
    }

    /** An exchange paid from the account: a volunteer's own, or a resident's through their family member. */
    String exchange(String account, String item) {
        String token = account.equals(r1) ? token(Role.FAMILY) : Tokens.of(COUNTY, account, Role.VOLUNTEER);
        String body = account.equals(r1) ? "{\"itemId\":\"" + item + "\",\"accountId\":\"" + r1 + "\"}" : "{\"itemId\":\"" + item + "\"}";
        return expect(door.send(ApiRequest.post("/v1/time-bank/exchanges", body).bearer(token).idempotencyKey(key())), 201)
                .json().path("id").asText();
    }

    /** What the officer reads at this path: the state a refused call must leave as it was. */
    String read(String path, Map<String, String> query) {
        ApiRequest get = ApiRequest.get(path).bearer(officer());
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            get = get.query(parameter.getKey(), parameter.getValue());
        }
        return door.send(get).body();
    }

    private void earn(String volunteer, String resident, int minutes) {
        OffsetDateTime start = TimeBankFixtures.at(EARNING_DAYS.getAndIncrement(), 8, 0);
        String record = expect(door.send(ApiRequest.post("/v1/time-bank/service-records", """
                {"residentId":"%s","serviceType":"COMPANY","start":"%s","end":"%s"}""".formatted(resident, start,
                start.plusMinutes(minutes))).bearer(Tokens.of(COUNTY, volunteer, Role.VOLUNTEER)).idempotencyKey(key())), 201)
                .json().path("id").asText();
        expect(door.send(ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}").bearer(officer())
                .idempotencyKey(key())), 200);
    }

    static String key() {
        return "walk-" + UUID.randomUUID();
    }

    static ApiAnswer expect(ApiAnswer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("fixture step expected " + status + ": " + answer);
        }
        return answer;
    }
}
