package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.approve;
import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static cn.yiyang.funds.FundFixtures.officer;
import static cn.yiyang.funds.FundFixtures.payee;
import static cn.yiyang.funds.FundFixtures.payment;
import static cn.yiyang.funds.FundFixtures.secondApprover;
import static cn.yiyang.funds.FundFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.RetryingClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's races, against the real PostgreSQL, through a door that serves in parallel. */
public abstract class FundConcurrencyScenarios {

    protected abstract Door door();

    private RetryingClient client;

    /** The door as a real client uses it: 503 and "not decided yet" 409s sent again under the same key, with backoff. */
    protected Door client() {
        if (client == null) {
            client = RetryingClient.around(door());
        }
        return client;
    }

    @AfterEach
    void reportRetries() {
        if (client != null) {
            System.out.println(getClass().getSimpleName() + ": " + client.retries() + " requests sent again (503 or not yet decided)");
        }
    }

    /** How many transfers the bank test makes through this door. */
    protected abstract int bankTransfers();

    /** How the bank test reads the ledger's table: by default through this test application's session. */
    protected BankTest.StoredTransfers storedTransfers() {
        return BankTest.IN_THIS_APPLICATION;
    }

    private String county;

    @BeforeEach
    void aCountyWithItsFundLines() {
        county = FundFixtures.newCounty();
        FundFixtures.installLines(client(), county);
    }

    @Test
    void approveRacingVoid_onEachOfTwentyPendingTransfers_exactlyOneWins() {
        String budget = fundedBudget(client(), county, "MEAL_SUBSIDY", 1_000_000);
        String point = payee(client(), county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-race");
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pending.add(expect(client().send(payment(county, budget, point, 1_000)), 201).json().path("id").asText());
        }

        List<ApiAnswer> answers = Concurrently.run(40, i -> client().send(i % 2 == 0
                ? approve(county, pending.get(i / 2))
                : step(county, pending.get(i / 2), "void", officer(county), "{\"reason\":\"撤回\"}")));

        for (int t = 0; t < pending.size(); t++) {
            ApiAnswer approved = answers.get(2 * t);
            ApiAnswer voided = answers.get(2 * t + 1);
            assertThat(List.of(approved.status(), voided.status())).as(approved + " / " + voided).containsExactlyInAnyOrder(200, 409);
            ApiAnswer loser = approved.status() == 409 ? approved : voided;
            assertThat(loser.code()).isEqualTo("ALREADY_RESOLVED");
            String status = FundFixtures.transfer(client(), county, pending.get(t)).path("status").asText();
            assertThat(status).isEqualTo(approved.status() == 200 ? "POSTED" : "VOIDED");
        }
        long posted = answers.stream().filter(a -> a.status() == 200 && a.json().path("status").asText().equals("POSTED")).count();
        JsonNode pointAccount = FundFixtures.account(client(), county, point);
        assertThat(pointAccount.path("creditsPosted").asLong()).isEqualTo(posted * 1_000);
        assertThat(pointAccount.path("creditsPending").asLong()).isZero();
        assertThat(FundFixtures.verify(client(), county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void twoApproversAtOnce_onATransferNeedingBoth_postItExactlyOnce() {
        expect(client().send(ApiRequest.of("PUT", "/v1/fund-settings", "{\"dualApprovalAboveFen\":0,\"pendingExpiryHours\":72}")
                .bearer(officer(county))), 200);
        String budget = fundedBudget2(client(), county);
        String point = payee(client(), county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-dual");
        List<String> transfers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            transfers.add(expect(client().send(payment(county, budget, point, 500)), 201).json().path("id").asText());
        }

        List<ApiAnswer> answers = Concurrently.run(20, i -> client().send(step(county, transfers.get(i / 2), "approve",
                i % 2 == 0 ? approver(county) : secondApprover(county), "{}")));

        assertThat(answers).allMatch(a -> a.status() == 200);
        for (String id : transfers) {
            JsonNode t = FundFixtures.transfer(client(), county, id);
            assertThat(t.path("status").asText()).isEqualTo("POSTED");
            assertThat(t.path("approvers")).hasSize(2);
        }
        assertThat(FundFixtures.account(client(), county, point).path("creditsPosted").asLong()).isEqualTo(5_000);
    }

    @Test
    void fiftyConcurrentPayments_fromABudgetOfThirtyThree_reserveExactlyThirtyThree() {
        String budget = fundedBudget(client(), county, "SERVICE_SUBSIDY", 10_000);
        String provider = payee(client(), county, "SERVICE_SUBSIDY", "PROVIDER", "p-rush");

        List<ApiAnswer> answers = Concurrently.run(50, i -> client().send(payment(county, budget, provider, 300)));

        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() == 201 ? "CREATED" : a.code(), Collectors.counting()));
        assertThat(outcome).isEqualTo(Map.of("CREATED", 33L, "INSUFFICIENT_FUNDS", 17L));
        JsonNode account = FundFixtures.account(client(), county, budget);
        assertThat(account.path("debitsPending").asLong()).isEqualTo(9_900);
        assertThat(account.path("available").asLong()).isEqualTo(100);
    }

    @Test
    void bank_randomTransfersFromEightClients_withRetriesAndReusedKeys_keepEveryBookBalanced() {
        BankTest bank = new BankTest(client(), bankTransfers(), storedTransfers());
        BankTest.Result result = bank.run();

        assertThat(result.fivexx()).as("answers 5xx").isZero();
        assertThat(result.snapshotViolations()).as("snapshot violations").isEmpty();
        assertThat(result.snapshots()).as("snapshots taken during the run").isGreaterThanOrEqualTo(3);
        assertThat(result.created()).as("transfers created").isGreaterThan(bankTransfers() / 3);
        assertThat(result.insufficient()).as("refused for funds").isPositive();
        assertThat(result.replayMismatches()).as("retries answered differently").isEmpty();
        assertThat(result.reusedKeyAnswers()).as("same key, other amount").containsOnly("422 EXISTS_WITH_DIFFERENT_AMOUNT");
        assertThat(result.finalMismatches()).as("2xx answers not reflected at the end").isEmpty();
        assertThat(result.transfersPerKeyMax()).as("transfers per key").isEqualTo(1);
        assertThat(result.storedTransfers()).as("every stored transfer was answered 201").isEqualTo(result.created() + result.setupTransfers());
        assertThat(result.verifications()).as("audit chains").allMatch(v -> v.path("valid").asBoolean());
    }

    private static String fundedBudget2(Door door, String county) {
        String transfer = expect(door.send(FundFixtures.appropriation(county, "MEAL_SUBSIDY", 100_000)), 201).json().path("id").asText();
        expect(door.send(approve(county, transfer)), 200);
        expect(door.send(step(county, transfer, "approve", secondApprover(county), "{}")), 200);
        return FundFixtures.accountOf(door, county, "MEAL_SUBSIDY", "BUDGET").path("id").asText();
    }
}
