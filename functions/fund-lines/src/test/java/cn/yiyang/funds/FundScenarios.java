package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.accountOf;
import static cn.yiyang.funds.FundFixtures.appropriation;
import static cn.yiyang.funds.FundFixtures.approve;
import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.auditor;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static cn.yiyang.funds.FundFixtures.key;
import static cn.yiyang.funds.FundFixtures.officer;
import static cn.yiyang.funds.FundFixtures.payee;
import static cn.yiyang.funds.FundFixtures.payment;
import static cn.yiyang.funds.FundFixtures.secondApprover;
import static cn.yiyang.funds.FundFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's rules, written once and run through every door. */
public abstract class FundScenarios {

    protected abstract Door door();

    protected String county;

    @BeforeEach
    void aCountyWithItsFundLines() {
        county = FundFixtures.newCounty();
        FundFixtures.installLines(door(), county);
    }

    @Test
    void installingTheDefaults_givesTheSixFundLines_once() {
        FundFixtures.installLines(door(), county);
        JsonNode lines = expect(door().send(ApiRequest.get("/v1/fund-lines").bearer(auditor(county))), 200).json().path("items");
        List<String> codes = new ArrayList<>();
        lines.forEach(l -> codes.add(l.path("code").asText()));
        assertThat(codes).containsExactlyInAnyOrder("TEKUN_SUPPORT", "INSTITUTION_SUBSIDY", "PROJECT_GRANT",
                "LONGEVITY_ALLOWANCE", "MEAL_SUBSIDY", "SERVICE_SUBSIDY");
    }

    @Test
    void anAppropriation_staysPendingUntilApproved_thenFundsTheBudget() {
        String id = expect(door().send(appropriation(county, "MEAL_SUBSIDY", 1_000_000)), 201).json().path("id").asText();
        JsonNode budget = accountOf(door(), county, "MEAL_SUBSIDY", "BUDGET");
        assertThat(budget.path("creditsPending").asLong()).isEqualTo(1_000_000);
        assertThat(budget.path("available").asLong()).as("pending credits are not spendable").isZero();

        JsonNode approved = expect(door().send(approve(county, id)), 200).json();

        assertThat(approved.path("status").asText()).isEqualTo("POSTED");
        assertThat(approved.path("approvers").get(0).asText()).isEqualTo("approver-1");
        assertThat(accountOf(door(), county, "MEAL_SUBSIDY", "BUDGET").path("available").asLong()).isEqualTo(1_000_000);
        assertThat(accountOf(door(), county, "MEAL_SUBSIDY", "SOURCE").path("available").asLong()).isEqualTo(-1_000_000);
    }

    @Test
    void aPendingPayment_reservesAtOnce_soPendingPaymentsCannotOvercommitTheBudget() {
        String budget = fundedBudget(door(), county, "SERVICE_SUBSIDY", 1_000);
        String provider = payee(door(), county, "SERVICE_SUBSIDY", "PROVIDER", "p-1");
        String first = expect(door().send(payment(county, budget, provider, 600)), 201).json().path("id").asText();

        ApiAnswer second = door().send(payment(county, budget, provider, 500));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(second.json().path("userMessage").asText()).contains("余额不足");

        expect(door().send(step(county, first, "void", officer(county), "{\"reason\":\"填错金额\"}")), 200);
        expect(door().send(payment(county, budget, provider, 500)), 201);
        assertThat(FundFixtures.account(door(), county, budget).path("available").asLong()).isEqualTo(500);
    }

    @Test
    void theMaker_cannotApproveTheirOwnTransfer() {
        String both = Tokens.of(county, "officer-1", Role.OFFICER, Role.APPROVER);
        String id = expect(door().send(appropriation(county, "PROJECT_GRANT", 5_000)), 201).json().path("id").asText();

        ApiAnswer own = door().send(step(county, id, "approve", both, "{}"));

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("APPROVER_IS_MAKER");
        assertThat(FundFixtures.transfer(door(), county, id).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aboveTheCountyThreshold_twoDistinctApproversPost() {
        expect(door().send(ApiRequest.of("PUT", "/v1/fund-settings", "{\"dualApprovalAboveFen\":100000,\"pendingExpiryHours\":72}")
                .bearer(officer(county))), 200);
        String id = expect(door().send(appropriation(county, "TEKUN_SUPPORT", 200_000)), 201).json().path("id").asText();

        JsonNode once = expect(door().send(approve(county, id)), 200).json();
        ApiAnswer again = door().send(approve(county, id));
        JsonNode twice = expect(door().send(step(county, id, "approve", secondApprover(county), "{}")), 200).json();

        assertThat(once.path("status").asText()).isEqualTo("PENDING");
        assertThat(once.path("requiredApprovals").asInt()).isEqualTo(2);
        assertThat(again.code()).isEqualTo("ALREADY_APPROVED");
        assertThat(twice.path("status").asText()).isEqualTo("POSTED");
        assertThat(twice.path("approvers")).hasSize(2);
    }

    @Test
    void aRejection_needsAReason_releasesTheReservation_andEndsTheTransfer() {
        String budget = fundedBudget(door(), county, "MEAL_SUBSIDY", 10_000);
        String point = payee(door(), county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-1");
        String id = expect(door().send(payment(county, budget, point, 10_000)), 201).json().path("id").asText();

        assertThat(door().send(step(county, id, "reject", approver(county), "{}")).code()).isEqualTo("VALIDATION_FAILED");
        JsonNode rejected = expect(door().send(step(county, id, "reject", approver(county), "{\"reason\":\"票据不全\"}")), 200).json();
        ApiAnswer late = door().send(approve(county, id));

        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("reason").asText()).isEqualTo("票据不全");
        assertThat(late.code()).isEqualTo("ALREADY_RESOLVED");
        assertThat(FundFixtures.account(door(), county, budget).path("available").asLong()).isEqualTo(10_000);
        assertThat(FundFixtures.account(door(), county, point).path("creditsPending").asLong()).isZero();
    }

    @Test
    void aCorrection_isAReversingTransferNamingTheOriginal_madeOnce() {
        String budget = fundedBudget(door(), county, "SERVICE_SUBSIDY", 50_000);
        String provider = payee(door(), county, "SERVICE_SUBSIDY", "PROVIDER", "p-9");
        String pending = expect(door().send(payment(county, budget, provider, 1_000)), 201).json().path("id").asText();
        assertThat(door().send(step(county, pending, "reverse", officer(county), "{}")).code()).isEqualTo("TRANSFER_NOT_POSTED");
        String paid = expect(door().send(payment(county, budget, provider, 20_000)), 201).json().path("id").asText();
        expect(door().send(approve(county, paid)), 200);

        JsonNode reversal = expect(door().send(step(county, paid, "reverse", officer(county), "{\"memo\":\"重复支付\"}")), 201).json();
        ApiAnswer second = door().send(step(county, paid, "reverse", officer(county), "{}"));
        expect(door().send(approve(county, reversal.path("id").asText())), 200);

        assertThat(reversal.path("kind").asText()).isEqualTo("REVERSAL");
        assertThat(reversal.path("reversesId").asText()).isEqualTo(paid);
        assertThat(reversal.path("debitAccountId").asText()).isEqualTo(provider);
        assertThat(reversal.path("amountFen").asLong()).isEqualTo(20_000);
        assertThat(second.code()).isEqualTo("ALREADY_REVERSED");
        assertThat(FundFixtures.transfer(door(), county, paid).path("status").asText()).as("the original is untouched").isEqualTo("POSTED");
        assertThat(FundFixtures.account(door(), county, budget).path("available").asLong()).isEqualTo(50_000 - 1_000);
        assertThat(FundFixtures.account(door(), county, provider).path("available").asLong()).isZero();
    }

    @Test
    void theSameKey_replaysTheFirstAnswer_andRefusesADifferentAmountOrBody() {
        String budget = fundedBudget(door(), county, "MEAL_SUBSIDY", 100_000);
        String point = payee(door(), county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-2");
        ApiRequest first = payment(county, budget, point, 3_000);
        String clientKey = first.headers().get("idempotency-key");
        ApiAnswer created = expect(door().send(first), 201);
        expect(door().send(approve(county, created.json().path("id").asText())), 200);

        ApiAnswer replayed = door().send(payment(county, budget, point, 3_000).idempotencyKey(clientKey));
        ApiAnswer otherAmount = door().send(payment(county, budget, point, 3_001).idempotencyKey(clientKey));
        ApiAnswer otherBody = door().send(ApiRequest.post("/v1/transfers", """
                {"debitAccountId":"%s","creditAccountId":"%s","amountFen":3000,"memo":"另一笔"}""".formatted(budget, point))
                .bearer(officer(county)).idempotencyKey(clientKey));

        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.body()).as("byte for byte the first answer").isEqualTo(created.body());
        assertThat(replayed.header("idempotent-replayed")).isEqualTo("true");
        assertThat(otherAmount.status()).isEqualTo(422);
        assertThat(otherAmount.code()).isEqualTo("EXISTS_WITH_DIFFERENT_AMOUNT");
        assertThat(otherBody.code()).isEqualTo("EXISTS_WITH_DIFFERENT_FIELDS");
        assertThat(FundFixtures.account(door(), county, point).path("creditsPosted").asLong()).as("paid once").isEqualTo(3_000);
    }

    @Test
    void badTransfers_areRefusedWithTheirCode_inPrecedence_andWriteNothing() {
        String budget = fundedBudget(door(), county, "MEAL_SUBSIDY", 10_000);
        String point = payee(door(), county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-3");
        String otherLine = payee(door(), county, "SERVICE_SUBSIDY", "PROVIDER", "p-3");
        String source = accountOf(door(), county, "MEAL_SUBSIDY", "SOURCE").path("id").asText();
        String foreign = FundFixtures.newCounty();
        FundFixtures.installLines(door(), foreign);
        String foreignBudget = fundedBudget(door(), foreign, "MEAL_SUBSIDY", 10_000);
        String body = "{\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amountFen\":%s}";
        Object[][] cases = {
                {body.formatted(budget, point, "0"), 400, "VALIDATION_FAILED"},
                {body.formatted(budget, point, "-5"), 400, "VALIDATION_FAILED"},
                {body.formatted(budget, point, "100000000001"), 400, "VALIDATION_FAILED"},
                {body.formatted(budget, point, "\"500\""), 400, "VALIDATION_FAILED"},
                {body.formatted(budget, point, "5.5"), 400, "VALIDATION_FAILED"},
                {"{\"debitAccountId\":\"%s\",\"amountFen\":5}".formatted(budget), 400, "VALIDATION_FAILED"},
                {"{\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amountFen\":5,\"approved\":true}".formatted(budget, point), 400, "VALIDATION_FAILED"},
                {"{\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amountFen\":5,\"causeType\":\"BED\"}".formatted(budget, point), 400, "VALIDATION_FAILED"},
                {"{\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amountFen\":5,\"memo\":\"%s\"}".formatted(budget, point, "备".repeat(201)), 400, "VALIDATION_FAILED"},
                {body.formatted("not-a-uuid", point, "5"), 400, "VALIDATION_FAILED"},
                {body.formatted(budget, budget, "5"), 422, "SAME_ACCOUNT"},
                {body.formatted(budget, otherLine, "5"), 422, "FUND_LINE_MISMATCH"},
                {body.formatted(source, point, "5"), 422, "SOURCE_NOT_PAYABLE"},
                {body.formatted(budget, point, "10001"), 409, "INSUFFICIENT_FUNDS"},
                {body.formatted(point, budget, "1"), 409, "INSUFFICIENT_FUNDS"},
                {body.formatted(foreignBudget, point, "5"), 404, "NOT_FOUND"},
                {body.formatted(budget, java.util.UUID.randomUUID(), "5"), 404, "NOT_FOUND"},
        };
        long transfersBefore = transferCount();
        for (Object[] c : cases) {
            ApiAnswer answer = door().send(ApiRequest.post("/v1/transfers", (String) c[0]).bearer(officer(county))
                    .idempotencyKey(key("bad")));
            assertThat(answer.status()).as(c[0] + " → " + answer.body()).isEqualTo(c[1]);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.code()).as((String) c[0]).isEqualTo(c[2]);
            assertThat(answer.json().path("userMessage").asText()).isNotBlank();
        }
        assertThat(transferCount()).as("nothing written").isEqualTo(transfersBefore);
        assertThat(FundFixtures.account(door(), county, budget).path("available").asLong()).isEqualTo(10_000);
    }

    @Test
    void anotherCounty_cannotSeeOrTouchTheLedger() {
        String budget = fundedBudget(door(), county, "MEAL_SUBSIDY", 10_000);
        String point = payee(door(), county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-4");
        String id = expect(door().send(payment(county, budget, point, 100)), 201).json().path("id").asText();
        String stranger = FundFixtures.newCounty();

        assertThat(door().send(ApiRequest.get("/v1/transfers/" + id).bearer(auditor(stranger))).status()).isEqualTo(404);
        assertThat(door().send(ApiRequest.get("/v1/fund-accounts/" + budget).bearer(auditor(stranger))).status()).isEqualTo(404);
        assertThat(door().send(ApiRequest.get("/v1/transfers/" + id + "/trace").bearer(auditor(stranger))).status()).isEqualTo(404);
        assertThat(door().send(approve(stranger, id)).status()).isEqualTo(404);
        assertThat(door().send(step(stranger, id, "void", officer(stranger), "{}")).status()).isEqualTo(404);
        assertThat(door().send(ApiRequest.get("/v1/transfers").bearer(auditor(stranger))).json().path("items")).isEmpty();
        assertThat(door().send(ApiRequest.get("/v1/audit").bearer(auditor(stranger))).json().path("items")).isEmpty();
        assertThat(FundFixtures.transfer(door(), county, id).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void eachRole_doesOnlyItsPart() {
        String id = expect(door().send(appropriation(county, "MEAL_SUBSIDY", 1_000)), 201).json().path("id").asText();

        assertThat(door().send(appropriation(county, "MEAL_SUBSIDY", 1_000).bearer(approver(county))).status()).isEqualTo(403);
        assertThat(door().send(step(county, id, "approve", officer(county), "{}")).status()).isEqualTo(403);
        assertThat(door().send(ApiRequest.get("/v1/audit").bearer(officer(county))).status()).isEqualTo(403);
        assertThat(door().send(ApiRequest.get("/v1/transfers/" + id).bearer(Tokens.of(county, "r-1", Role.RESIDENT))).status()).isEqualTo(403);
    }

    @Test
    void aPayment_isTraceableFromBudgetToPayeeToItsCause_andTheTrailVerifies() {
        String budget = fundedBudget(door(), county, "INSTITUTION_SUBSIDY", 90_000);
        String home = payee(door(), county, "INSTITUTION_SUBSIDY", "INSTITUTION", "inst-1");
        String id = expect(door().send(ApiRequest.post("/v1/transfers", """
                {"debitAccountId":"%s","creditAccountId":"%s","amountFen":45000,"causeType":"BED","causeRef":"BED-A-101:2026-11","memo":"=HYPERLINK(1)"}"""
                .formatted(budget, home)).bearer(officer(county)).idempotencyKey(key("bed"))), 201).json().path("id").asText();
        expect(door().send(approve(county, id)), 200);

        JsonNode trace = expect(door().send(ApiRequest.get("/v1/transfers/" + id + "/trace").bearer(auditor(county))), 200).json();
        JsonNode verified = FundFixtures.verify(door(), county);
        ApiAnswer csv = expect(door().send(ApiRequest.get("/v1/fund-reports/transfers-csv")
                .query("month", java.time.YearMonth.now(cn.yiyang.kernel.time.CountyTime.ZONE).toString()).bearer(auditor(county))), 200);
        JsonNode lines = expect(door().send(ApiRequest.get("/v1/fund-reports/lines").query("fiscalYear", "2026")
                .bearer(auditor(county))), 200).json();

        assertThat(trace.path("from").path("kind").asText()).isEqualTo("BUDGET");
        assertThat(trace.path("from").path("fiscalYear").asInt()).isEqualTo(2026);
        assertThat(trace.path("to").path("payeeRef").asText()).isEqualTo("inst-1");
        assertThat(trace.path("causeRef").asText()).isEqualTo("BED-A-101:2026-11");
        List<String> steps = new ArrayList<>();
        trace.path("audit").forEach(s -> steps.add(s.path("action").asText()));
        assertThat(steps).containsExactly("TRANSFER_CREATED", "TRANSFER_POSTED");
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("transfersChecked").asLong()).isEqualTo(2);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        assertThat(csv.body()).contains(id).contains("POSTED").contains("'=HYPERLINK(1)").doesNotContain(",=HYPERLINK");
        JsonNode institution = null;
        for (JsonNode l : lines.path("items")) {
            if (l.path("fundLine").asText().equals("INSTITUTION_SUBSIDY")) {
                institution = l;
            }
        }
        assertThat(institution).isNotNull();
        assertThat(institution.path("appropriatedFen").asLong()).isEqualTo(90_000);
        assertThat(institution.path("disbursedFen").asLong()).isEqualTo(45_000);
        assertThat(institution.path("remainingFen").asLong()).isEqualTo(45_000);
    }

    /** How many transfers the county's ledger holds, read through the API. */
    private long transferCount() {
        return expect(door().send(ApiRequest.get("/v1/transfers").bearer(auditor(county))), 200).json().path("items").size();
    }
}
