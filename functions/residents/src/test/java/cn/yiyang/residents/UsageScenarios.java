package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.officer;
import static cn.yiyang.residents.ResidentFixtures.operator;
import static cn.yiyang.residents.ResidentFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.ScenarioCounties;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monthly usage report stays exact through the usage lines (written as each answer leaves, aggregated
 * by the stand-in for CloudWatch Logs, exactly once per delivery): N calls on a door, successes, refusals
 * and a client's retries under the same key, give a report of exactly N. Run through both doors.
 */
public abstract class UsageScenarios {

    protected abstract Door door();

    @Test
    void nCallsOnThisDoor_successesRefusalsAndRetries_giveAReportOfExactlyN() {
        String county = ScenarioCounties.fresh();
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String officer = officer(county);
        List<Integer> statuses = new ArrayList<>();

        ApiAnswer first = ResidentFixtures.registerFresh(door(), county);
        statuses.add(first.status());
        String body = ResidentFixtures.registration(TestPeople.idNumber(), TestPeople.phone())
                .replace("330105001", county + "001");
        ApiRequest registration = register(officer, body);
        statuses.add(door().send(registration).status());
        statuses.add(door().send(registration).status());
        statuses.add(door().send(register(officer, body)).status());
        statuses.add(door().send(register(officer, "{\"name\":\"\"}")).status());
        statuses.add(door().send(register(Tokens.of(county, "resident-" + county, Role.RESIDENT), body)).status());
        statuses.add(door().send(ApiRequest.get("/v1/residents/r-" + java.util.UUID.randomUUID())
                .bearer(operator(county))).status());
        statuses.add(door().send(ApiRequest.get("/v1/residents/" + first.json().path("id").asText())
                .bearer("not-a-token")).status());

        assertThat(statuses).as("registered, retried (the same answer), already registered under a new key, "
                + "bad input, a role the route does not admit, no such resident, no valid token")
                .containsExactly(201, 201, 201, 409, 400, 403, 404, 401);
        long counted = statuses.size() - 1;

        // Each of three registrations sent twice at once under its key; the client retries 409 in progress.
        RetryingClient client = RetryingClient.around(door());
        List<ApiRequest> twice = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            twice.add(register(officer, ResidentFixtures.registration(TestPeople.idNumber(), TestPeople.phone())
                    .replace("330105001", county + "001")));
        }
        List<Integer> racing = Concurrently.run(twice.size() * 2, i -> client.send(twice.get(i / 2)).status());
        assertThat(racing).containsOnly(201);
        counted += racing.size() + client.retries();

        ApiAnswer usage = door().send(ApiRequest.get("/v1/usage").query("month", month).bearer(officer));

        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.json().path("totalCalls").asLong())
                .as("every call with a verified caller, once; the 401 is no county's").isEqualTo(counted);
        ApiAnswer again = door().send(ApiRequest.get("/v1/usage").query("month", month).bearer(officer));
        assertThat(again.json().path("totalCalls").asLong()).as("and the first read itself").isEqualTo(counted + 1);
    }
}
