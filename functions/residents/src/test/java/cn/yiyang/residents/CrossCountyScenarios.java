package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.COUNTY;
import static cn.yiyang.residents.ResidentFixtures.OTHER_COUNTY;
import static cn.yiyang.residents.ResidentFixtures.officer;
import static cn.yiyang.residents.ResidentFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A county never sees another county's data: every residents route, called with tokens of a
 * second county (every role the route admits, including the same subject names), answers
 * 404 or an empty result, and no answer carries anything of the first county's resident,
 * not through search and not through the idempotency cache.
 */
public abstract class CrossCountyScenarios {

    protected abstract Door door();

    @Test
    void everyResidentsRoute_withAnotherCountysToken_leaksNothing() {
        String idNumber = TestPeople.idNumber();
        String phone = TestPeople.phone();
        String key = "reg-" + UUID.randomUUID();
        String body = registration(idNumber, phone);
        ApiAnswer created = door().send(ApiRequest.post("/v1/residents", body).bearer(officer(COUNTY)).idempotencyKey(key));
        assertThat(created.status()).isEqualTo(201);
        JsonNode resident = created.json();
        String id = resident.path("id").asText();
        String family = "wx-family-" + UUID.randomUUID();
        assertThat(door().send(ApiRequest.post("/v1/residents/" + id + "/family-links",
                "{\"familySubject\":\"" + family + "\",\"relation\":\"CHILD\"}").bearer(officer(COUNTY))
                .idempotencyKey("link-" + UUID.randomUUID())).status()).isEqualTo(201);

        // Same subject names as in the first county: only the county claim differs.
        String officerB = Tokens.of(OTHER_COUNTY, "officer-" + COUNTY, Role.OFFICER);
        String operatorB = Tokens.of(OTHER_COUNTY, "operator-" + COUNTY, Role.OPERATOR);
        String residentB = Tokens.of(OTHER_COUNTY, id, Role.RESIDENT);
        String familyB = Tokens.of(OTHER_COUNTY, family, Role.FAMILY);
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

        Map<String, ApiRequest> calls = new java.util.LinkedHashMap<>();
        for (String token : List.of(officerB, operatorB, residentB, familyB)) {
            calls.put("get as " + token.hashCode(), ApiRequest.get("/v1/residents/" + id).bearer(token));
        }
        calls.put("look up by phone (operator)", ApiRequest.get("/v1/residents").query("phone", phone).bearer(operatorB));
        calls.put("look up by ID number (officer)", ApiRequest.get("/v1/residents").query("idNumber", idNumber).bearer(officerB));
        calls.put("patch", ApiRequest.patch("/v1/residents/" + id, "{\"status\":\"DECEASED\"}").bearer(officerB));
        calls.put("link family", ApiRequest.post("/v1/residents/" + id + "/family-links",
                "{\"familySubject\":\"wx-evil\",\"relation\":\"CHILD\"}").bearer(officerB).idempotencyKey("link-" + UUID.randomUUID()));
        calls.put("disclose identity", ApiRequest.get("/v1/residents/" + id + "/identity").query("reason", "核对身份信息").bearer(officerB));
        calls.put("replay the first county's key and body", ApiRequest.post("/v1/residents", body).bearer(officerB).idempotencyKey(key));
        calls.put("usage of the first county", ApiRequest.get("/v1/usage").query("month", month).query("county", COUNTY).bearer(officerB));

        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, ApiRequest> call : calls.entrySet()) {
            ApiAnswer answer = door().send(call.getValue());
            boolean refused = answer.status() == 404 || answer.status() == 400 || answer.status() == 403;
            boolean emptySearch = answer.status() == 200 && answer.json().path("items").isArray()
                    && answer.json().path("items").isEmpty();
            if (!(refused || emptySearch)) {
                leaks.add(call.getKey() + " answered " + answer.status());
            }
            for (String secret : List.of(id, resident.path("idNumberMasked").asText(), resident.path("phoneMasked").asText(),
                    idNumber, phone, "王秀英")) {
                if (answer.body() != null && answer.body().contains(secret)) {
                    leaks.add(call.getKey() + " carried a value of the first county's resident");
                }
            }
        }
        assertThat(leaks).isEmpty();

        ApiAnswer stillThere = door().send(ApiRequest.get("/v1/residents/" + id).bearer(officer(COUNTY)));
        assertThat(stillThere.json().path("status").asText()).as("nothing was changed from the other county").isEqualTo("ACTIVE");
        assertThat(stillThere.json().path("version").asInt()).isEqualTo(resident.path("version").asInt());
    }
}
