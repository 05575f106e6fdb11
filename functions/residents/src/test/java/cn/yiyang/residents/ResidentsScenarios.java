package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.COUNTY;
import static cn.yiyang.residents.ResidentFixtures.officer;
import static cn.yiyang.residents.ResidentFixtures.operator;
import static cn.yiyang.residents.ResidentFixtures.register;
import static cn.yiyang.residents.ResidentFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The residents function's behaviour, written once and run through every door: a subclass names
 * the door (the Lambda handler fed v2 events here; HTTP on the local gateway there).
 */
public abstract class ResidentsScenarios {

    protected abstract Door door();

    @Test
    void register_answersWithMaskedIdentity_andDerivesBirthYearAndSex() {
        String idNumber = TestPeople.idNumber(LocalDate.of(1941, 3, 9));
        String phone = TestPeople.phone();

        ApiAnswer answer = door().send(register(officer(COUNTY), registration(idNumber, phone)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode r = answer.json();
        assertThat(r.path("idNumberMasked").asText()).isEqualTo(idNumber.substring(0, 6) + "************");
        assertThat(r.path("phoneMasked").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(r.path("birthYear").asInt()).isEqualTo(1941);
        assertThat(r.has("birthDate")).as("the birth date is what an ID number's mask hides").isFalse();
        assertThat(r.path("sex").asText()).isEqualTo((idNumber.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
        assertThat(r.path("county").asText()).isEqualTo(COUNTY);
        assertThat(r.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(r.path("categories")).extracting(JsonNode::asText).containsExactly("SHINENG", "DUJU");
        assertThat(answer.body()).doesNotContain(idNumber).doesNotContain(phone);
    }

    @Test
    void register_publishesTheKeysAWeChatBindingMatches_phoneIndexAndIdNumberTail() {
        String idNumber = TestPeople.idNumber();
        String phone = TestPeople.phone();
        String id = door().send(register(officer(COUNTY), registration(idNumber, phone))).json().path("id").asText();
        var pii = io.quarkus.arc.Arc.container().instance(cn.yiyang.kernel.pii.PiiProtector.class).get();
        var cards = io.quarkus.arc.Arc.container().instance(cn.yiyang.cards.residents.ResidentCards.class).get();

        var holders = cards.byPhone(COUNTY, cn.yiyang.cards.residents.ResidentSignInKeys.phoneIndex(pii, COUNTY, phone));

        assertThat(holders).extracting(cn.yiyang.cards.residents.ResidentCards.PhoneMatch::residentId).containsExactly(id);
        assertThat(holders.get(0).idTailIndex()).isEqualTo(
                cn.yiyang.cards.residents.ResidentSignInKeys.idTailIndex(pii, COUNTY, id, idNumber.substring(14)));
    }

    @Test
    void getResident_returnsWhatRegistrationAnswered() {
        ApiAnswer created = ResidentFixtures.registerFresh(door(), COUNTY);
        String id = created.json().path("id").asText();

        ApiAnswer read = door().send(ApiRequest.get("/v1/residents/" + id).bearer(operator(COUNTY)));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
    }

    @Test
    void lookUpByPhone_findsTheResident_whateverTheNotation() {
        String phone = TestPeople.phone();
        String id = door().send(register(officer(COUNTY), registration(TestPeople.idNumber(), phone))).json().path("id").asText();
        String fullWidth = phone.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);

        for (String notation : new String[] {phone, "+86 " + phone.substring(0, 3) + " " + phone.substring(3), fullWidth}) {
            ApiAnswer found = door().send(ApiRequest.get("/v1/residents").query("phone", notation).bearer(operator(COUNTY)));
            assertThat(found.status()).as(notation).isEqualTo(200);
            assertThat(found.json().path("items")).extracting(n -> n.path("id").asText()).containsExactly(id);
        }
    }

    @Test
    void lookUpByIdNumber_findsExactlyThatResident() {
        String idNumber = TestPeople.idNumber();
        String id = door().send(register(officer(COUNTY), registration(idNumber, TestPeople.phone()))).json().path("id").asText();

        ApiAnswer found = door().send(ApiRequest.get("/v1/residents").query("idNumber", idNumber.toLowerCase()).bearer(officer(COUNTY)));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("items")).extracting(n -> n.path("id").asText()).containsExactly(id);
    }

    @Test
    void registeringTheSameIdNumberTwice_isRefusedWithResidentAlreadyRegistered() {
        String idNumber = TestPeople.idNumber();
        assertThat(door().send(register(officer(COUNTY), registration(idNumber, TestPeople.phone()))).status()).isEqualTo(201);

        ApiAnswer again = door().send(register(officer(COUNTY), registration(idNumber, TestPeople.phone())));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("RESIDENT_ALREADY_REGISTERED");
        assertThat(again.json().path("userMessage").asText()).contains("已经登记");
    }

    @Test
    void aResident_seesTheirOwnRecord_butAnotherResidentIsNotFound() {
        String mine = ResidentFixtures.registerFresh(door(), COUNTY).json().path("id").asText();
        String theirs = ResidentFixtures.registerFresh(door(), COUNTY).json().path("id").asText();
        String token = Tokens.of(COUNTY, mine, Role.RESIDENT);

        assertThat(door().send(ApiRequest.get("/v1/residents/" + mine).bearer(token)).status()).isEqualTo(200);
        ApiAnswer other = door().send(ApiRequest.get("/v1/residents/" + theirs).bearer(token));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(theirs.substring(0, 8) + "\"");
    }

    @Test
    void aFamilyMember_seesALinkedParent_only() {
        String parent = ResidentFixtures.registerFresh(door(), COUNTY).json().path("id").asText();
        String stranger = ResidentFixtures.registerFresh(door(), COUNTY).json().path("id").asText();
        String family = "wx-family-" + java.util.UUID.randomUUID();
        String familyToken = Tokens.of(COUNTY, family, Role.FAMILY);
        assertThat(door().send(ApiRequest.get("/v1/residents/" + parent).bearer(familyToken)).status()).isEqualTo(404);

        ApiAnswer link = door().send(ApiRequest.post("/v1/residents/" + parent + "/family-links",
                        "{\"familySubject\":\"" + family + "\",\"relation\":\"CHILD\"}")
                .bearer(officer(COUNTY)).idempotencyKey("link-" + java.util.UUID.randomUUID()));

        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        assertThat(door().send(ApiRequest.get("/v1/residents/" + parent).bearer(familyToken)).status()).isEqualTo(200);
        assertThat(door().send(ApiRequest.get("/v1/residents/" + stranger).bearer(familyToken)).status()).isEqualTo(404);
    }

    @Test
    void update_changesCategoriesAndStatus_andBumpsTheVersion() {
        JsonNode created = ResidentFixtures.registerFresh(door(), COUNTY).json();
        String id = created.path("id").asText();

        ApiAnswer updated = door().send(ApiRequest.patch("/v1/residents/" + id,
                "{\"categories\":[\"TEKUN\",\"DUJU\"],\"status\":\"SUSPENDED\"}").bearer(officer(COUNTY)));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("categories")).extracting(JsonNode::asText).containsExactly("TEKUN", "DUJU");
        assertThat(updated.json().has("disabilityLevel")).isFalse();
        assertThat(updated.json().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(updated.json().path("version").asInt()).isEqualTo(created.path("version").asInt() + 1);
    }

    @Test
    void anOperatorMayNotChangeAResident() {
        String id = ResidentFixtures.registerFresh(door(), COUNTY).json().path("id").asText();

        ApiAnswer answer = door().send(ApiRequest.patch("/v1/residents/" + id, "{\"status\":\"DECEASED\"}")
                .bearer(operator(COUNTY)));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void identityDisclosure_givesTheFullValues_onlyWithAReason() {
        String idNumber = TestPeople.idNumber();
        String phone = TestPeople.phone();
        String id = door().send(register(officer(COUNTY), registration(idNumber, phone))).json().path("id").asText();

        ApiAnswer noReason = door().send(ApiRequest.get("/v1/residents/" + id + "/identity").bearer(officer(COUNTY)));
        ApiAnswer disclosed = door().send(ApiRequest.get("/v1/residents/" + id + "/identity")
                .query("reason", "补贴发放核对身份").bearer(officer(COUNTY)));

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(disclosed.status()).as(disclosed.toString()).isEqualTo(200);
        assertThat(disclosed.json().path("idNumber").asText()).isEqualTo(idNumber);
        assertThat(disclosed.json().path("phone").asText()).isEqualTo(phone);
        assertThat(disclosed.json().path("disclosureId").asText()).isNotEmpty();
        assertThat(PiiDisclosures.countFor(id)).isEqualTo(1);
    }

    @Test
    void aRetriedRegistration_isAnsweredByteForByte_andRegistersOnce() {
        String body = registration(TestPeople.idNumber(), TestPeople.phone());
        ApiRequest request = register(officer(COUNTY), body);

        ApiAnswer first = door().send(request);
        ApiAnswer second = door().send(request);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("idempotent-replayed")).isEqualTo("true");
    }

    @Test
    void theSameKeyWithADifferentBody_isRefusedWith422() {
        String key = "reg-" + java.util.UUID.randomUUID();
        ApiAnswer first = door().send(ApiRequest.post("/v1/residents", registration(TestPeople.idNumber(), TestPeople.phone()))
                .bearer(officer(COUNTY)).idempotencyKey(key));
        ApiAnswer other = door().send(ApiRequest.post("/v1/residents", registration(TestPeople.idNumber(), TestPeople.phone()))
                .bearer(officer(COUNTY)).idempotencyKey(key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aPostWithoutIdempotencyKey_isRefusedWith400_andRegistersNothing() {
        String idNumber = TestPeople.idNumber();
        ApiAnswer answer = door().send(ApiRequest.post("/v1/residents", registration(idNumber, TestPeople.phone()))
                .bearer(officer(COUNTY)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(answer.isProblem()).isTrue();
        ApiAnswer found = door().send(ApiRequest.get("/v1/residents").query("idNumber", idNumber).bearer(officer(COUNTY)));
        assertThat(found.json().path("items")).isEmpty();
    }

    @Test
    void theResidentsCard_forOtherFunctions_followsRegistrationFamilyLinksAndChanges_withoutIdNumberOrPhone() {
        String idNumber = TestPeople.idNumber(LocalDate.of(1944, 4, 4));
        String phone = TestPeople.phone();
        String id = door().send(register(officer(COUNTY), registration(idNumber, phone))).json().path("id").asText();
        var cards = io.quarkus.arc.Arc.container().instance(cn.yiyang.cards.residents.ResidentCards.class).get();

        var registered = cards.find(COUNTY, id).orElseThrow();
        door().send(ApiRequest.post("/v1/residents/" + id + "/family-links", "{\"familySubject\":\"wx-son\",\"relation\":\"CHILD\"}")
                .bearer(officer(COUNTY)).idempotencyKey("link-" + java.util.UUID.randomUUID()));
        door().send(ApiRequest.patch("/v1/residents/" + id, "{\"categories\":[\"DIBAO\"],\"status\":\"SUSPENDED\"}")
                .bearer(officer(COUNTY)));
        var changed = cards.find(COUNTY, id).orElseThrow();

        assertThat(registered.birthDate()).isEqualTo(LocalDate.of(1944, 4, 4));
        assertThat(registered.categories()).containsExactlyInAnyOrder("DUJU", "SHINENG");
        assertThat(registered.isActive()).isTrue();
        assertThat(changed.familySubjects()).containsExactly("wx-son");
        assertThat(changed.categories()).containsExactly("DIBAO");
        assertThat(changed.status()).isEqualTo("SUSPENDED");
        assertThat(changed.toString()).doesNotContain(idNumber).doesNotContain(phone);
        assertThat(cards.find(ResidentFixtures.OTHER_COUNTY, id)).as("cards are keyed by county").isEmpty();
    }

    @Test
    void usage_countsTheCountysCalls_perFunctionAndRoute() {
        String county = "330106";
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        ApiAnswer before = door().send(ApiRequest.get("/v1/usage").query("month", month).bearer(officer(county)));
        long callsBefore = before.json().path("totalCalls").asLong();

        ResidentFixtures.registerFresh(door(), county);
        ApiAnswer after = door().send(ApiRequest.get("/v1/usage").query("month", month).bearer(officer(county)));

        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        // A call's usage line is written as its answer leaves, so a read never sees itself: the second read
        // sees the registration and the first read, each once.
        assertThat(registrations(after) - registrations(before)).isEqualTo(1);
        assertThat(after.json().path("totalCalls").asLong()).isEqualTo(callsBefore + 2);
        ApiAnswer otherCounty = door().send(ApiRequest.get("/v1/usage").query("month", month).query("county", COUNTY)
                .bearer(officer(county)));
        assertThat(otherCounty.status()).isEqualTo(404);
    }

    /** Issue 14: the officers' usage chart needs the month per function and per day, not every route's counter. */
    @Test
    void usage_isShapedForAChart_theMonthPerFunction_andEachDayPerFunction() {
        String county = cn.yiyang.testing.ScenarioCounties.fresh();
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        ResidentFixtures.registerFresh(door(), county);
        ResidentFixtures.registerFresh(door(), county);

        JsonNode usage = door().send(ApiRequest.get("/v1/usage").query("month", month).bearer(officer(county))).json();

        JsonNode today = usage.path("callsByDay").get(0);
        assertThat(usage.path("callsByDay").size()).as("one day with calls").isEqualTo(1);
        assertThat(today.path("day").asText()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        // The two registrations are counted; the read does not see itself (its line is written as it answers).
        assertThat(today.path("callsByFunction").path("residents").asLong()).isEqualTo(2L);
        assertThat(today.path("callsByFunction")).isEqualTo(usage.path("callsByFunction"));
        assertThat(usage.path("totalCalls").asLong()).isEqualTo(today.path("callsByFunction").path("residents").asLong());
    }

    private static long registrations(ApiAnswer usage) {
        long calls = 0;
        for (var day : usage.json().path("days")) {
            if (day.path("route").asText().equals("POST /v1/residents")) {
                calls += day.path("calls").asLong();
            }
        }
        return calls;
    }
}
