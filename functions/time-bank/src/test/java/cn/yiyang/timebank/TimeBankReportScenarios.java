package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.at;
import static cn.yiyang.timebank.TimeBankFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.ScenarioCounties;
import cn.yiyang.testing.TestResidents;
import cn.yiyang.testing.TestVolunteers;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The officers' time-bank points per day and month (issue 14): counted in the transactions that move the points,
 * so exactly once under retries and duplicates, and conserved: what the range earned, less what it spent, plus
 * what came back, is what the county's accounts and pool hold. A county of its own.
 */
public abstract class TimeBankReportScenarios {

    protected abstract Door door();

    private String county;

    @BeforeEach
    void aCountyOfItsOwn() {
        county = ScenarioCounties.fresh();
    }

    @Test
    void pointsEarnedSpentAndRefunded_areCountedOncePerMove_andConserved() {
        String volunteer = volunteer();
        String resident = TestResidents.publish(county, county + "001", LocalDate.of(1940, 1, 8), Set.of());
        String record = expect(door().send(ApiRequest.post("/v1/time-bank/service-records", """
                {"residentId":"%s","serviceType":"COMPANY","start":"%s","end":"%s"}""".formatted(resident, at(1, 9, 0),
                at(1, 10, 0))).bearer(volunteerToken(volunteer)).idempotencyKey("rec-" + UUID.randomUUID())), 201)
                .json().path("id").asText();
        ApiRequest confirm = ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}")
                .bearer(Tokens.of(county, resident, Role.RESIDENT)).idempotencyKey("conf-" + UUID.randomUUID());
        expect(door().send(confirm), 200);
        expect(door().send(confirm), 200);
        String item = expect(door().send(ApiRequest.post("/v1/time-bank/items",
                "{\"name\":\"理发一次\",\"kind\":\"GOODS\",\"points\":20,\"stock\":5}").bearer(officer())
                .idempotencyKey("item-" + UUID.randomUUID())), 201).json().path("id").asText();
        ApiRequest exchange = exchange(volunteer, item);
        List<ApiAnswer> storm = Concurrently.run(6, i -> RetryingClient.around(door()).send(exchange));
        String refunded = expect(door().send(exchange(volunteer, item)), 201).json().path("id").asText();
        ApiRequest cancel = ApiRequest.post("/v1/time-bank/exchanges/" + refunded + "/cancel", "{}")
                .bearer(volunteerToken(volunteer)).idempotencyKey("cancel-" + UUID.randomUUID());
        expect(door().send(cancel), 200);
        expect(door().send(cancel), 200);

        String today = LocalDate.now(CountyTime.ZONE).toString();
        ApiRequest report = ApiRequest.get("/v1/time-bank/reports/points").query("from", today).query("to", today);
        JsonNode points = expect(door().send(report.bearer(officer())), 200).json();
        long balance = expect(door().send(ApiRequest.get("/v1/time-bank/accounts/" + volunteer)
                .bearer(volunteerToken(volunteer))), 200).json().path("balance").asLong();
        long pool = expect(door().send(ApiRequest.get("/v1/time-bank/pool").bearer(officer())), 200).json()
                .path("balance").asLong();

        assertThat(storm).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        JsonNode day = points.path("days").get(0);
        assertThat(points.path("days").size()).isEqualTo(1);
        assertThat(day.path("date").asText()).isEqualTo(today);
        assertThat(day.path("earned").asLong()).isEqualTo(60);
        assertThat(day.path("spent").asLong()).as("two exchanges, the stormed one once").isEqualTo(40);
        assertThat(day.path("refunded").asLong()).isEqualTo(20);
        assertThat(points.path("months").get(0).path("month").asText()).isEqualTo(today.substring(0, 7));
        assertThat(points.path("months").get(0).path("spent").asLong()).isEqualTo(40);
        assertThat(points.path("totals").path("earned").asLong()).isEqualTo(60);
        assertThat(balance + pool).as("conserved: earned − spent + refunded")
                .isEqualTo(60 - 40 + 20);
    }

    @Test
    void thePointsReport_isForOfficersAndAuditorsOfTheCounty_overABoundedRange() {
        String today = LocalDate.now(CountyTime.ZONE).toString();
        ApiRequest report = ApiRequest.get("/v1/time-bank/reports/points");

        JsonNode lastThirty = expect(door().send(report.bearer(officer())), 200).json();
        ApiAnswer auditor = door().send(report.bearer(Tokens.of(county, "auditor-1", Role.AUDITOR)));
        ApiAnswer volunteer = door().send(report.bearer(volunteerToken("vol-" + UUID.randomUUID())));
        ApiAnswer tooLong = door().send(report.query("from", "2024-01-01").query("to", today).bearer(officer()));
        ApiAnswer backwards = door().send(ApiRequest.get("/v1/time-bank/reports/points").query("from", today)
                .query("to", "2020-01-01").bearer(officer()));

        assertThat(lastThirty.path("days").size()).isEqualTo(30);
        assertThat(lastThirty.path("to").asText()).isEqualTo(today);
        assertThat(lastThirty.path("totals").path("earned").asLong()).as("a new county has earned nothing").isZero();
        assertThat(auditor.status()).isEqualTo(200);
        assertThat(volunteer.status()).isEqualTo(403);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(backwards.status()).isEqualTo(400);
    }

    private String volunteer() {
        String id = "vol-" + UUID.randomUUID();
        TestVolunteers.publish(county, id, LocalDate.of(1970, 5, 1));
        expect(door().send(ApiRequest.post("/v1/time-bank/volunteers", "{\"name\":\"小张\"}").bearer(volunteerToken(id))
                .idempotencyKey("vol-" + UUID.randomUUID())), 201);
        return id;
    }

    private ApiRequest exchange(String volunteer, String item) {
        return ApiRequest.post("/v1/time-bank/exchanges", "{\"itemId\":\"" + item + "\"}").bearer(volunteerToken(volunteer))
                .idempotencyKey("x-" + UUID.randomUUID());
    }

    private String volunteerToken(String volunteer) {
        return Tokens.of(county, volunteer, Role.VOLUNTEER);
    }

    private String officer() {
        return Tokens.of(county, "officer-" + county, Role.OFFICER);
    }
}
