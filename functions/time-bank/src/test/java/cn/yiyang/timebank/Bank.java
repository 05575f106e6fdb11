package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.expect;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.ScenarioCounties;
import cn.yiyang.testing.TestResidents;
import cn.yiyang.testing.TestVolunteers;
import cn.yiyang.testing.Tokens;
import cn.yiyang.timebank.settings.CountySettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A county of its own for one scenario, so that its settings (caps, expiry days) and its pool touch
 * no other test: volunteers, residents, and every move through a door.
 */
public final class Bank {

    public final String county;
    private final Door door;

    private Bank(Door door, String county) {
        this.door = door;
        this.county = county;
    }

    /** A county no other scenario of this JVM has had (never the fixtures' 330105), and one the tests' deployment serves. */
    public static Bank fresh(Door door) {
        return new Bank(door, ScenarioCounties.fresh());
    }

    public String officer() {
        return Tokens.of(county, "officer-" + county, Role.OFFICER);
    }

    public String operator() {
        return Tokens.of(county, "operator-" + county, Role.OPERATOR);
    }

    public String volunteerToken(String volunteer) {
        return Tokens.of(county, volunteer, Role.VOLUNTEER);
    }

    public String residentToken(String resident) {
        return Tokens.of(county, resident, Role.RESIDENT);
    }

    public String familyToken(String member) {
        return Tokens.of(county, member, Role.FAMILY);
    }

    /** Replaces the county's settings with the defaults but for what {@code change} alters. */
    public void settings(java.util.function.UnaryOperator<CountySettings> change) {
        CountySettings s = change.apply(CountySettings.DEFAULTS);
        String rates = s.ratesPerMinute().entrySet().stream().map(r -> "\"" + r.getKey() + "\":" + r.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        expect(door.send(ApiRequest.of("PUT", "/v1/time-bank/settings", """
                {"dailyMinutesMax":%d,"recordExpiryDays":%d,"storageMinutesMax":%d,"giftMinutesPerYearMax":%d,
                 "volunteerAgeMin":%d,"volunteerAgeMax":%d,"priorityAgeMin":%d,"ratesPerMinute":%s}""".formatted(
                s.dailyMinutesMax(), s.recordExpiryDays(), s.storageMinutesMax(), s.giftMinutesPerYearMax(),
                s.volunteerAgeMin(), s.volunteerAgeMax(), s.priorityAgeMin(), rates)).bearer(officer())), 200);
    }

    /** A verified person (their card, as identity publishes it) registering for the time bank. */
    public ApiRequest register(String volunteer, LocalDate birthDate) {
        TestVolunteers.publish(county, volunteer, birthDate);
        return ApiRequest.post("/v1/time-bank/volunteers", "{\"name\":\"小李\"}")
                .bearer(volunteerToken(volunteer)).idempotencyKey("vol-" + UUID.randomUUID());
    }

    /** A volunteer whose account is linked to a resident of volunteering age (born 1968): their SERVICE vouchers are for that resident. */
    public String volunteerLinkedTo(String resident) {
        String id = "vol-" + UUID.randomUUID();
        TestVolunteers.publish(county, id, LocalDate.of(1968, 6, 1));
        expect(door.send(ApiRequest.post("/v1/time-bank/volunteers", "{\"name\":\"小李\",\"linkedResidentId\":\"" + resident + "\"}")
                .bearer(volunteerToken(id)).idempotencyKey("vol-" + UUID.randomUUID())), 201);
        return id;
    }

    public String volunteer() {
        String id = "vol-" + UUID.randomUUID();
        expect(door.send(register(id, LocalDate.of(1968, 6, 1))), 201);
        return id;
    }

    /** A resident's card, with the given family members and categories, born in 1940. */
    public String resident(Set<String> family, String... categories) {
        return TestResidents.publish(county, county + "001", LocalDate.of(1940, 2, 2), family, categories);
    }

    public String resident(LocalDate birthDate, String... categories) {
        return TestResidents.publish(county, county + "001", birthDate, Set.of(), categories);
    }

    public ApiRequest log(String volunteer, String resident, OffsetDateTime start, OffsetDateTime end) {
        return log(volunteer, resident, "COMPANY", start, end);
    }

    public ApiRequest log(String volunteer, String resident, String serviceType, OffsetDateTime start, OffsetDateTime end) {
        return ApiRequest.post("/v1/time-bank/service-records", """
                {"residentId":"%s","serviceType":"%s","start":"%s","end":"%s"}""".formatted(resident, serviceType, start, end))
                .bearer(volunteerToken(volunteer)).idempotencyKey("rec-" + UUID.randomUUID());
    }

    public String logged(String volunteer, String resident, OffsetDateTime start, OffsetDateTime end) {
        return expect(door.send(log(volunteer, resident, start, end)), 201).json().path("id").asText();
    }

    /** The station confirms the record. */
    public ApiRequest confirm(String record) {
        return ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}")
                .bearer(officer()).idempotencyKey("conf-" + UUID.randomUUID());
    }

    /** Logs and confirms: the confirmation's answer (credited, toPool). */
    public JsonNode earn(String volunteer, String resident, OffsetDateTime start, OffsetDateTime end) {
        return expect(door.send(confirm(logged(volunteer, resident, start, end))), 200).json();
    }

    /** What a SERVICE item of the catalog buys: a bath (助浴). */
    public static final String VOUCHER_SERVICE = "BATH";

    public String item(String kind, long points, long stock) {
        return expect(door.send(ApiRequest.post("/v1/time-bank/items",
                "{\"name\":\"兑换项目\",\"kind\":\"" + kind + "\",\"points\":" + points + ",\"stock\":" + stock
                        + ("SERVICE".equals(kind) ? ",\"serviceCode\":\"" + VOUCHER_SERVICE + "\"}" : "}"))
                .bearer(officer()).idempotencyKey("item-" + UUID.randomUUID())), 201).json().path("id").asText();
    }

    public ApiRequest exchange(String token, String item, String account) {
        String body = account == null ? "{\"itemId\":\"" + item + "\"}"
                : "{\"itemId\":\"" + item + "\",\"accountId\":\"" + account + "\"}";
        return ApiRequest.post("/v1/time-bank/exchanges", body).bearer(token).idempotencyKey("x-" + UUID.randomUUID());
    }

    public ApiRequest cancel(String token, String exchange) {
        return ApiRequest.post("/v1/time-bank/exchanges/" + exchange + "/cancel", "{}").bearer(token)
                .idempotencyKey("cancel-" + UUID.randomUUID());
    }

    public ApiRequest gift(String volunteer, String resident, long points) {
        return ApiRequest.post("/v1/time-bank/gifts", "{\"toResidentId\":\"" + resident + "\",\"points\":" + points + "}")
                .bearer(volunteerToken(volunteer)).idempotencyKey("gift-" + UUID.randomUUID());
    }

    public ApiRequest donate(String token, long points) {
        return ApiRequest.post("/v1/time-bank/donations", "{\"points\":" + points + "}").bearer(token)
                .idempotencyKey("don-" + UUID.randomUUID());
    }

    public ApiRequest grant(String resident, long points) {
        return ApiRequest.post("/v1/time-bank/grants",
                "{\"residentId\":\"" + resident + "\",\"points\":" + points + ",\"reason\":\"独居困难老人\"}")
                .bearer(officer()).idempotencyKey("grant-" + UUID.randomUUID());
    }

    /** An account as an officer reads it; 404 for an account never opened. */
    public ApiAnswer account(String id) {
        return door.send(ApiRequest.get("/v1/time-bank/accounts/" + id).bearer(officer()));
    }

    public JsonNode pool() {
        return expect(door.send(ApiRequest.get("/v1/time-bank/pool").bearer(officer())), 200).json();
    }

    public long stock(String item) {
        for (JsonNode listed : expect(door.send(ApiRequest.get("/v1/time-bank/items").bearer(officer())), 200).json().path("items")) {
            if (listed.path("id").asText().equals(item)) {
                return listed.path("stock").asLong();
            }
        }
        throw new AssertionError("no item " + item);
    }

    public ApiAnswer send(ApiRequest request) {
        return door.send(request);
    }
}
