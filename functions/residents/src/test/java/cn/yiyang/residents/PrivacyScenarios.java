package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.COUNTY;
import static cn.yiyang.residents.ResidentFixtures.STREET;
import static cn.yiyang.residents.ResidentFixtures.officer;
import static cn.yiyang.residents.ResidentFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.residents.lookup.LookupBudget;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.Reconstruction;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, personal data: no answer lets an ID number or a phone be pieced back together, hotline look-ups
 * (phone, landline, ID number, name) are limited per caller and each one is in the disclosure log.
 */
public abstract class PrivacyScenarios {

    protected abstract Door door();

    /** A registered resident and the values only the test knows in full. */
    protected record Registered(String id, String name, LocalDate birthDate, String idNumber, String phone,
                                String emergencyPhone) {
        List<String> secrets() {
            return List.of(idNumber, phone, emergencyPhone);
        }
    }

    protected Registered registerWithLandline() {
        // Any day of 1938: with the random sequence, no two tests' residents share an ID number.
        LocalDate birthDate = LocalDate.of(1938, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(365));
        String idNumber = TestPeople.idNumber(birthDate);
        String landline = TestPeople.landline();
        String emergency = TestPeople.phone();
        String name = TestPeople.uniqueName();
        String body = """
                {"name":"%s","idNumber":"%s","phone":"%s",
                 "address":{"streetCode":"%s","line":"文三路 18 号 2 幢 301"},
                 "categories":["DUJU"],"abilityLevel":2,
                 "emergencyContact":{"name":"李明","relation":"儿子","phone":"%s"}}"""
                .formatted(name, idNumber, landline, STREET, emergency);
        ApiAnswer answer = door().send(register(officer(COUNTY), body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return new Registered(answer.json().path("id").asText(), name, birthDate, idNumber, landline, emergency);
    }

    private static String freshOperator() {
        return Tokens.of(COUNTY, "operator-" + UUID.randomUUID(), Role.OPERATOR);
    }

    private static ApiRequest lookUp(String token, String... query) {
        ApiRequest request = ApiRequest.get("/v1/residents").bearer(token);
        for (int i = 0; i < query.length; i += 2) {
            request = request.query(query[i], query[i + 1]);
        }
        return request;
    }

    @Test
    void noResidentsAnswer_toARoleBelowOfficer_canBeCompletedToTheIdNumberOrAPhone() {
        Registered r = registerWithLandline();
        String family = "wx-family-" + UUID.randomUUID();
        door().send(ApiRequest.post("/v1/residents/" + r.id() + "/family-links",
                "{\"familySubject\":\"" + family + "\",\"relation\":\"CHILD\"}").bearer(officer(COUNTY))
                .idempotencyKey("link-" + UUID.randomUUID()));
        String operator = freshOperator();
        Map<String, ApiRequest> reads = new LinkedHashMap<>();
        reads.put("resident reads self", ApiRequest.get("/v1/residents/" + r.id()).bearer(Tokens.of(COUNTY, r.id(), Role.RESIDENT)));
        reads.put("family reads parent", ApiRequest.get("/v1/residents/" + r.id()).bearer(Tokens.of(COUNTY, family, Role.FAMILY)));
        reads.put("operator reads", ApiRequest.get("/v1/residents/" + r.id()).bearer(operator));
        reads.put("operator by landline", lookUp(operator, "phone", r.phone()));
        reads.put("operator by ID number", lookUp(operator, "idNumber", r.idNumber()));
        reads.put("operator by name and year", lookUp(operator, "name", r.name(), "birthYear", "1938"));
        reads.put("operator by name and street", lookUp(operator, "name", r.name(), "streetCode", STREET));

        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, ApiRequest> read : reads.entrySet()) {
            ApiAnswer answer = door().send(read.getValue());
            assertThat(answer.status()).as(read.getKey() + ": " + answer).isEqualTo(200);
            assertThat(answer.body()).as(read.getKey()).contains(r.id());
            Reconstruction.leaks(answer.body(), r.secrets(), CountyTime.today(java.time.Clock.systemUTC()))
                    .forEach(leak -> leaks.add(read.getKey() + ": " + leak));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void aResidentAnswer_showsBirthYearAndAge_besideAnIdNumberMaskThatHidesTheBirthDateAndTail() {
        Registered r = registerWithLandline();

        JsonNode shown = door().send(ApiRequest.get("/v1/residents/" + r.id()).bearer(freshOperator())).json();

        assertThat(shown.path("idNumberMasked").asText()).isEqualTo(r.idNumber().substring(0, 6) + "************");
        assertThat(shown.path("birthYear").asInt()).isEqualTo(1938);
        assertThat(shown.has("birthDate")).isFalse();
        assertThat(shown.path("phoneMasked").asText()).isEqualTo("0571-****" + r.phone().substring(9));
        assertThat(shown.toString()).doesNotContain(r.birthDate().toString().replace("-", ""))
                .doesNotContain(r.birthDate().toString());
    }

    @Test
    void aLandline_isAContactPhone_thatTheLookupFinds_withOrWithoutItsAreaCode() {
        Registered r = registerWithLandline();
        String local = r.phone().substring(5);
        String operator = freshOperator();

        for (String notation : new String[] {r.phone(), "(0571) " + local.substring(0, 4) + " " + local.substring(4),
                "0571" + local, local}) {
            ApiAnswer found = door().send(lookUp(operator, "phone", notation));
            assertThat(found.status()).as(notation + ": " + found).isEqualTo(200);
            assertThat(found.json().path("items")).as(notation).extracting(n -> n.path("id").asText()).containsExactly(r.id());
        }
        ApiAnswer otherCity = door().send(lookUp(operator, "phone", "0516-" + local));
        assertThat(otherCity.json().path("items")).as("another area code is another line").isEmpty();
    }

    @Test
    void nameSearch_findsAResident_byNameAndBirthYear_orByNameAndStreet_andByNothingLess() {
        Registered r = registerWithLandline();
        String operator = freshOperator();

        ApiAnswer byYear = door().send(lookUp(operator, "name", r.name(), "birthYear", "1938"));
        ApiAnswer byStreet = door().send(lookUp(operator, "name", r.name(), "streetCode", STREET));
        ApiAnswer otherYear = door().send(lookUp(operator, "name", r.name(), "birthYear", "1939"));
        ApiAnswer nameAlone = door().send(lookUp(operator, "name", r.name()));

        assertThat(byYear.status()).as(byYear.toString()).isEqualTo(200);
        assertThat(byYear.json().path("items")).extracting(n -> n.path("id").asText()).contains(r.id());
        assertThat(byYear.json().path("items")).extracting(n -> n.path("name").asText()).containsOnly(r.name());
        assertThat(byStreet.json().path("items")).extracting(n -> n.path("id").asText()).contains(r.id());
        assertThat(otherYear.json().path("items")).extracting(n -> n.path("id").asText()).doesNotContain(r.id());
        assertThat(nameAlone.status()).isEqualTo(400);
        assertThat(nameAlone.code()).isEqualTo("MISSING_PARAMETER");
    }

    @Test
    void lookUpsBeyondTheHourlyBudget_areRefusedWith429_andTheRefusedOnesSpendNothing() {
        Registered r = registerWithLandline();
        String subject = "operator-" + UUID.randomUUID();
        String operator = Tokens.of(COUNTY, subject, Role.OPERATOR);
        for (int i = 0; i < LookupBudget.LOOKUPS_PER_HOUR_MAX; i++) {
            assertThat(door().send(lookUp(operator, "phone", r.phone())).status()).as("look-up " + (i + 1)).isEqualTo(200);
        }

        ApiAnswer refused = door().send(lookUp(operator, "phone", r.phone()));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("LOOKUP_LIMIT_REACHED");
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("userMessage").asText()).contains("上限");
        assertThat(PiiDisclosures.countBy(COUNTY, subject)).isEqualTo(LookupBudget.LOOKUPS_PER_HOUR_MAX);
        assertThat(door().send(lookUp(freshOperator(), "phone", r.phone())).status())
                .as("the budget is the caller's own").isEqualTo(200);
    }

    @Test
    void lookUpsBeyondTheDailyBudget_areRefusedWith429_evenWithTheHourUnspent() {
        String subject = "operator-" + UUID.randomUUID();
        String operator = Tokens.of(COUNTY, subject, Role.OPERATOR);
        String phone = TestPeople.phone();
        LocalDate day = LocalDate.now(CountyTime.ZONE).plusDays(3);
        // the day's earlier hours, as the budget's own counter would hold them after them
        PiiDisclosures.execute("insert into residents.lookup_budget values ('%s', '%s', 'DAY', '%s', %d)".formatted(
                COUNTY, subject, day.atStartOfDay(CountyTime.ZONE).toOffsetDateTime(), LookupBudget.LOOKUPS_PER_DAY_MAX - 1));
        try {
            MutableClock.INSTANCE.setTo(day.atTime(15, 30).atZone(CountyTime.ZONE).toInstant());
            ApiAnswer last = door().send(lookUp(operator, "phone", phone));
            ApiAnswer refused = door().send(lookUp(operator, "phone", phone));
            MutableClock.INSTANCE.setTo(day.plusDays(1).atTime(8, 0).atZone(CountyTime.ZONE).toInstant());
            ApiAnswer nextDay = door().send(lookUp(operator, "phone", phone));

            assertThat(last.status()).as(last.toString()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.code()).isEqualTo("LOOKUP_LIMIT_REACHED");
            assertThat(refused.json().path("detail").asText()).contains("per day");
            assertThat(nextDay.status()).isEqualTo(200);
        } finally {
            MutableClock.INSTANCE.reset();
        }
    }

    @Test
    void theDisclosureLog_listsEveryLookUpAndIdentityRead_forAuditorsOnly() {
        Registered r = registerWithLandline();
        String subject = "operator-" + UUID.randomUUID();
        String operator = Tokens.of(COUNTY, subject, Role.OPERATOR);
        door().send(lookUp(operator, "phone", r.phone()));
        door().send(lookUp(operator, "name", r.name(), "birthYear", "1938"));
        door().send(lookUp(operator, "idNumber", r.idNumber()));
        ApiAnswer identity = door().send(ApiRequest.get("/v1/residents/" + r.id() + "/identity")
                .query("reason", "补贴发放核对身份").bearer(officer(COUNTY)));
        assertThat(identity.status()).isEqualTo(200);

        ApiAnswer log = door().send(ApiRequest.get("/v1/disclosures").query("residentId", r.id())
                .bearer(Tokens.of(COUNTY, "auditor-1", Role.AUDITOR)));
        ApiAnswer byOfficer = door().send(ApiRequest.get("/v1/disclosures").bearer(officer(COUNTY)));

        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        JsonNode items = log.json().path("items");
        assertThat(items).extracting(n -> n.path("method").asText())
                .containsExactly("IDENTITY", "ID_NUMBER", "NAME_BIRTH_YEAR", "LANDLINE");
        assertThat(items).extracting(n -> n.path("actor").asText())
                .containsExactly("officer-" + COUNTY, subject, subject, subject);
        assertThat(items.get(0).path("reason").asText()).isEqualTo("补贴发放核对身份");
        assertThat(items.get(0).path("disclosedAt").asText()).isNotEmpty();
        assertThat(items).allSatisfy(n -> assertThat(n.path("residentIds")).extracting(JsonNode::asText).containsExactly(r.id()));
        assertThat(byOfficer.status()).isEqualTo(403);
    }

    @Test
    void theDisclosureLog_refusesUpdateDeleteAndTruncate_evenFromTheApplicationsConnection() {
        Registered r = registerWithLandline();
        door().send(lookUp(freshOperator(), "phone", r.phone()));
        long before = PiiDisclosures.countFor(r.id());

        for (String change : List.of("update residents.disclosure set actor = 'nobody'",
                "delete from residents.disclosure", "truncate residents.disclosure")) {
            assertThatThrownBy(() -> PiiDisclosures.execute(change)).as(change).isInstanceOf(IllegalStateException.class);
        }

        assertThat(before).isEqualTo(1);
        assertThat(PiiDisclosures.countFor(r.id())).isEqualTo(before);
    }
}
