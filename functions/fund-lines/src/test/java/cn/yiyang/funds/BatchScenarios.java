package cn.yiyang.funds;

import static cn.yiyang.funds.BatchFixtures.approveBatch;
import static cn.yiyang.funds.BatchFixtures.createBatch;
import static cn.yiyang.funds.BatchFixtures.resident;
import static cn.yiyang.funds.BatchFixtures.thisMonth;
import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.auditor;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static cn.yiyang.funds.FundFixtures.key;
import static cn.yiyang.funds.FundFixtures.officer;
import static cn.yiyang.funds.FundFixtures.secondApprover;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.batches.BatchCreation;
import cn.yiyang.funds.batches.BatchPosting;
import cn.yiyang.funds.batches.BatchReports;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.route.Role;
import io.quarkus.arc.Arc;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monthly 高龄津贴 batch, written once and run through every door. */
public abstract class BatchScenarios {

    protected abstract Door door();

    /** Residents besides the six of every scenario: past what a batch's request makes itself. */
    static final int COUNTY_SIZED_ELDERS = BatchCreation.INLINE_ITEMS_MAX + 100;

    protected String county;
    private final YearMonth month = thisMonth();
    /** resident id → the band amount the default policy pays them. */
    private final Map<String, Long> due = new HashMap<>();

    @BeforeEach
    void aCountyWithItsFundLinesAndItsElders() {
        county = FundFixtures.newCounty();
        FundFixtures.installLines(door(), county);
        due.put(resident(county, month, 80, ResidentCard.ACTIVE), 5_000L);
        due.put(resident(county, month, 95, ResidentCard.ACTIVE), 10_000L);
        due.put(resident(county, month, 101, ResidentCard.ACTIVE), 30_000L);
        // not due: one day short of 80 at month end, 85 but suspended, 90 but deceased
        resident(county, month.atEndOfMonth().minusYears(80).plusDays(1), ResidentCard.ACTIVE, null);
        resident(county, month, 85, "SUSPENDED");
        resident(county, month, 90, "DECEASED");
    }

    @Test
    void theMonthsAllowance_paysEveryActiveResidentByAgeBandAtMonthEnd_onceApproved() {
        String budget = fundedBudget(door(), county, "LONGEVITY_ALLOWANCE", 1_000_000);

        JsonNode draft = expect(door().send(createBatch(county, "ALLOWANCE", month)), 201).json();
        assertThat(draft.path("batch").path("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("batch").path("itemCount").asInt()).isEqualTo(3);
        assertThat(draft.path("batch").path("totalFen").asLong()).isEqualTo(45_000);
        assertThat(FundFixtures.account(door(), county, budget).path("available").asLong()).as("a draft reserves nothing")
                .isEqualTo(1_000_000);
        String id = draft.path("batch").path("id").asText();

        JsonNode posted = expect(door().send(approveBatch(county, id, approver(county))), 200).json();

        assertThat(posted.path("batch").path("status").asText()).isEqualTo("POSTED");
        assertThat(posted.path("batch").path("approvers").get(0).asText()).isEqualTo("approver-1");
        for (JsonNode item : posted.path("items")) {
            String resident = item.path("residentId").asText();
            assertThat(due).containsKey(resident);
            assertThat(item.path("amountFen").asLong()).isEqualTo(due.get(resident));
            assertThat(item.path("status").asText()).isEqualTo("POSTED");
            assertThat(item.path("band").asText()).isEqualTo(due.get(resident) == 5_000 ? "80-89" : due.get(resident) == 10_000 ? "90-99" : "100+");
            JsonNode transfer = FundFixtures.transfer(door(), county, item.path("transferId").asText());
            assertThat(transfer.path("status").asText()).isEqualTo("POSTED");
            assertThat(transfer.path("causeType").asText()).isEqualTo("ALLOWANCE");
            assertThat(transfer.path("causeRef").asText()).isEqualTo("allowance:" + month + ":" + resident);
            assertThat(FundFixtures.account(door(), county, item.path("payeeAccountId").asText()).path("payeeType").asText())
                    .isEqualTo("RESIDENT");
            JsonNode trace = expect(door().send(ApiRequest.get("/v1/transfers/" + item.path("transferId").asText() + "/trace")
                    .bearer(auditor(county))), 200).json();
            assertThat(trace.path("batchItem").path("batchId").asText()).isEqualTo(id);
            assertThat(trace.path("batchItem").path("residentId").asText()).isEqualTo(resident);
            assertThat(trace.path("batchItem").path("band").asText()).isEqualTo(item.path("band").asText());
        }
        assertThat(posted.path("items").findValuesAsText("age")).containsExactlyInAnyOrder("80", "95", "101");
        assertThat(FundFixtures.account(door(), county, budget).path("available").asLong()).isEqualTo(1_000_000 - 45_000);
        JsonNode verified = FundFixtures.verify(door(), county);
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void aBatchWithOneItemTheBudgetCannotCover_postsNothing_andTheReportNamesTheItemAndWhy() {
        String budget = fundedBudget(door(), county, "LONGEVITY_ALLOWANCE", 40_000);
        String id = expect(door().send(createBatch(county, "ALLOWANCE", month)), 201).json().path("batch").path("id").asText();
        long transfersBefore = transferCount();

        JsonNode refused = expect(door().send(approveBatch(county, id, approver(county))), 200).json();

        int failing = 0;
        long running = 0;
        for (JsonNode item : refused.path("items")) {
            running += item.path("amountFen").asLong();
            if (running > 40_000) {
                failing = item.path("seq").asInt();
                break;
            }
        }
        assertThat(failing).as("the items sum past the budget").isPositive();
        assertThat(refused.path("batch").path("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("batch").path("refusal").path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(refused.path("batch").path("refusal").path("itemSeq").asInt()).isEqualTo(failing);
        assertThat(refused.path("batch").path("refusal").path("reason").asText()).contains("40000");
        for (JsonNode item : refused.path("items")) {
            boolean isFailing = item.path("seq").asInt() == failing;
            assertThat(item.path("status").asText()).isEqualTo(isFailing ? "REFUSED" : "NOT_PAID");
            assertThat(item.path("why").asText()).isEqualTo(isFailing ? "INSUFFICIENT_FUNDS" : "BATCH_REFUSED");
            assertThat(item.hasNonNull("transferId")).as("no transfer for " + item).isFalse();
        }
        JsonNode account = FundFixtures.account(door(), county, budget);
        assertThat(account.path("available").asLong()).as("budget untouched").isEqualTo(40_000);
        assertThat(account.path("debitsPending").asLong()).isZero();
        assertThat(account.path("debitsPosted").asLong()).isZero();
        assertThat(transferCount()).as("no transfer made").isEqualTo(transfersBefore);
        assertThat(door().send(approveBatch(county, id, Tokens.of(county, "approver-3", Role.APPROVER))).code()).isEqualTo("ALREADY_RESOLVED");

        // topped up, the month is made again as a new attempt and paid
        fundedBudget(door(), county, "LONGEVITY_ALLOWANCE", 10_000);
        JsonNode again = expect(door().send(createBatch(county, "ALLOWANCE", month)), 201).json();
        assertThat(again.path("batch").path("attempt").asInt()).isEqualTo(2);
        JsonNode paid = expect(door().send(approveBatch(county, again.path("batch").path("id").asText(), approver(county))), 200).json();
        assertThat(paid.path("batch").path("status").asText()).isEqualTo("POSTED");
        assertThat(FundFixtures.account(door(), county, budget).path("available").asLong()).isEqualTo(5_000);
        assertThat(FundFixtures.verify(door(), county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aCountySizedMonth_answers202Creating_theJobMakesIt_andOnlyAMadeBatchIsApprovedAndPosted() {
        fundedTwice(100_000_000);
        long total = 45_000 + BatchFixtures.elders(county, month, COUNTY_SIZED_ELDERS);
        ApiRequest create = createBatch(county, "ALLOWANCE", month);

        ApiAnswer accepted = expect(door().send(create), 202);
        ApiAnswer replayed = expect(door().send(create), 202);
        ApiAnswer askedAgain = expect(door().send(createBatch(county, "ALLOWANCE", month)), 202);
        String id = accepted.json().path("batch").path("id").asText();
        ApiAnswer tooEarly = door().send(approveBatch(county, id, approver(county)));
        ApiAnswer cancelEarly = door().send(ApiRequest.post("/v1/batches/" + id + "/cancel", "{\"reason\":\"重做\"}")
                .bearer(officer(county)).idempotencyKey(key("cancel")));
        JsonNode creating = BatchFixtures.batch(door(), county, id);
        runBatchJob(county);
        JsonNode made = BatchFixtures.batch(door(), county, id);

        assertThat(accepted.header("location")).isEqualTo("/v1/batches/" + id);
        assertThat(accepted.json().path("batch").path("status").asText()).isEqualTo("CREATING");
        assertThat(replayed.body()).as("the same key answers the first answer").isEqualTo(accepted.body());
        assertThat(askedAgain.json().path("batch").path("id").asText()).as("the month's one creation").isEqualTo(id);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.code()).isEqualTo("BATCH_NOT_CREATED");
        assertThat(cancelEarly.code()).isEqualTo("BATCH_NOT_CREATED");
        assertThat(creating.path("batch").path("status").asText()).isEqualTo("CREATING");
        assertThat(creating.path("batch").path("itemsCreated").asInt()).isZero();
        assertThat(creating.path("items")).isEmpty();
        assertThat(made.path("batch").path("status").asText()).isEqualTo("DRAFT");
        assertThat(made.path("batch").path("itemCount").asInt()).isEqualTo(COUNTY_SIZED_ELDERS + 3);
        assertThat(made.path("batch").path("itemsCreated").asInt()).isEqualTo(COUNTY_SIZED_ELDERS + 3);
        assertThat(made.path("batch").path("totalFen").asLong()).isEqualTo(total);
        assertThat(made.path("items")).hasSize(BatchReports.ITEM_PAGE_SIZE_MAX);

        expect(door().send(approveBatch(county, id, approver(county))), 200);
        JsonNode approved = expect(door().send(approveBatch(county, id, secondApprover(county))), 200).json();
        runBatchJob(county);

        assertThat(approved.path("batch").path("status").asText()).isEqualTo("POSTING");
        assertThat(BatchFixtures.batch(door(), county, id).path("batch").path("status").asText()).isEqualTo("POSTED");
        assertThat(FundFixtures.accountOf(door(), county, "LONGEVITY_ALLOWANCE", "BUDGET").path("debitsPosted").asLong())
                .isEqualTo(total);
        assertThat(FundFixtures.verify(door(), county).path("valid").asBoolean()).isTrue();
    }

    /** The post-batches job for the county, as the schedule runs it (the Lambda door sends its event). */
    protected void runBatchJob(String inCounty) {
        Reply run = Arc.container().instance(BatchPosting.class).get()
                .job(new Caller("scheduler", inCounty, Set.of(Role.PLATFORM)), NoInput.INSTANCE);
        assertThat(run.status()).isEqualTo(200);
    }

    @Test
    void theSameMonthTwice_answersTheOneBatch_andPaysOnce() {
        String budget = fundedBudget(door(), county, "LONGEVITY_ALLOWANCE", 1_000_000);
        String id = expect(door().send(createBatch(county, "ALLOWANCE", month)), 201).json().path("batch").path("id").asText();

        JsonNode second = expect(door().send(createBatch(county, "ALLOWANCE", month)), 200).json();
        expect(door().send(approveBatch(county, id, approver(county))), 200);
        JsonNode third = expect(door().send(createBatch(county, "ALLOWANCE", month)), 200).json();

        assertThat(second.path("batch").path("id").asText()).isEqualTo(id);
        assertThat(third.path("batch").path("id").asText()).isEqualTo(id);
        assertThat(third.path("batch").path("status").asText()).isEqualTo("POSTED");
        assertThat(FundFixtures.account(door(), county, budget).path("debitsPosted").asLong()).as("paid once").isEqualTo(45_000);
        JsonNode list = expect(door().send(ApiRequest.get("/v1/batches").query("month", month.toString()).bearer(auditor(county))), 200).json();
        assertThat(list.path("items")).hasSize(1);
    }

    @Test
    void aboveTheCountyThreshold_theBatchNeedsTwoDistinctApprovers_neverItsMaker() {
        expect(door().send(ApiRequest.of("PUT", "/v1/fund-settings", "{\"dualApprovalAboveFen\":20000,\"pendingExpiryHours\":72}")
                .bearer(officer(county))), 200);
        fundedTwice();
        String id = expect(door().send(createBatch(county, "ALLOWANCE", month)), 201).json().path("batch").path("id").asText();
        String makerAndApprover = Tokens.of(county, "officer-1", Role.OFFICER, Role.APPROVER);

        ApiAnswer own = door().send(approveBatch(county, id, makerAndApprover));
        JsonNode once = expect(door().send(approveBatch(county, id, approver(county))), 200).json();
        ApiAnswer again = door().send(approveBatch(county, id, approver(county)));
        JsonNode twice = expect(door().send(approveBatch(county, id, secondApprover(county))), 200).json();

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("APPROVER_IS_MAKER");
        assertThat(once.path("batch").path("status").asText()).isEqualTo("DRAFT");
        assertThat(once.path("batch").path("requiredApprovals").asInt()).isEqualTo(2);
        assertThat(again.code()).isEqualTo("ALREADY_APPROVED");
        assertThat(twice.path("batch").path("status").asText()).isEqualTo("POSTED");
        for (JsonNode item : twice.path("items")) {
            JsonNode t = FundFixtures.transfer(door(), county, item.path("transferId").asText());
            assertThat(t.path("status").asText()).isEqualTo("POSTED");
            // the ¥300 item is above the threshold itself: both approvals are its own as well
            assertThat(t.path("approvers")).hasSize(item.path("amountFen").asLong() > 20_000 ? 2 : 1);
        }
    }

    @Test
    void aCancelledDraft_paysNothing_andTheMonthCanBeMadeAgain() {
        fundedBudget(door(), county, "LONGEVITY_ALLOWANCE", 1_000_000);
        String id = expect(door().send(createBatch(county, "ALLOWANCE", month)), 201).json().path("batch").path("id").asText();
        ApiRequest cancel = ApiRequest.post("/v1/batches/" + id + "/cancel", "{\"reason\":\"名单有误\"}").bearer(officer(county))
                .idempotencyKey(key("cancel"));

        JsonNode cancelled = expect(door().send(cancel), 200).json();
        ApiAnswer late = door().send(approveBatch(county, id, approver(county)));
        JsonNode again = expect(door().send(createBatch(county, "ALLOWANCE", month)), 201).json();

        assertThat(cancelled.path("batch").path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("items").findValuesAsText("why")).containsOnly("BATCH_CANCELLED");
        assertThat(late.code()).isEqualTo("ALREADY_RESOLVED");
        assertThat(again.path("batch").path("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void theCountysOwnBands_decideWhoIsPaidAndHowMuch() {
        fundedBudget(door(), county, "LONGEVITY_ALLOWANCE", 1_000_000);
        JsonNode policy = expect(door().send(ApiRequest.of("PUT", "/v1/batch-policies/allowance", """
                {"bands":[{"fromAge":90,"toAge":null,"amountFen":20000}]}""").bearer(officer(county))), 200).json();

        JsonNode draft = expect(door().send(createBatch(county, "ALLOWANCE", month)), 201).json();

        assertThat(policy.path("version").asInt()).isEqualTo(1);
        assertThat(draft.path("policyVersion").asInt()).isEqualTo(1);
        assertThat(draft.path("items").findValuesAsText("band")).containsExactly("90+", "90+");
        assertThat(draft.path("batch").path("totalFen").asLong()).isEqualTo(40_000);
    }

    @Test
    void badBatchRequests_areRefusedWithTheirCode_andWriteNothing() {
        String body = "{\"kind\":\"%s\",\"month\":\"%s\"}";
        Object[][] cases = {
                {"{\"month\":\"" + month + "\"}", 400, "VALIDATION_FAILED"},
                {body.formatted("SALARY", month), 400, "VALIDATION_FAILED"},
                {body.formatted("ALLOWANCE", "2026-13"), 400, "VALIDATION_FAILED"},
                {body.formatted("ALLOWANCE", "2026/11"), 400, "VALIDATION_FAILED"},
                {"{\"kind\":\"ALLOWANCE\",\"month\":\"" + month + "\",\"approved\":true}", 400, "VALIDATION_FAILED"},
                {"{\"kind\":\"ALLOWANCE\",\"month\":202611}", 400, "VALIDATION_FAILED"},
                {body.formatted("ALLOWANCE", month.plusMonths(1)), 422, "BATCH_MONTH_NOT_OPEN"},
                {body.formatted("ALLOWANCE", month.minusMonths(13)), 422, "BATCH_MONTH_NOT_OPEN"},
                {body.formatted("BED", month), 422, "BATCH_MONTH_NOT_OPEN"},
                {body.formatted("BED", month.minusMonths(1)), 422, "BATCH_EMPTY"},
        };
        for (Object[] c : cases) {
            ApiAnswer answer = door().send(ApiRequest.post("/v1/batches", (String) c[0]).bearer(officer(county)).idempotencyKey(key("bad")));
            assertThat(answer.status()).as(c[0] + " → " + answer.body()).isEqualTo(c[1]);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.code()).as((String) c[0]).isEqualTo(c[2]);
            assertThat(answer.json().path("userMessage").asText()).isNotBlank();
        }
        Object[][] policies = {
                {"{\"bands\":[]}", "bands"},
                {"{\"bands\":[{\"fromAge\":80,\"toAge\":95,\"amountFen\":5000},{\"fromAge\":90,\"toAge\":null,\"amountFen\":9000}]}", "bands"},
                {"{\"bands\":[{\"fromAge\":50,\"toAge\":null,\"amountFen\":5000}]}", "bands[0].fromAge"},
                {"{\"bands\":[{\"fromAge\":80,\"toAge\":null,\"amountFen\":0}]}", "bands[0].amountFen"},
        };
        for (Object[] p : policies) {
            ApiAnswer answer = door().send(ApiRequest.of("PUT", "/v1/batch-policies/allowance", (String) p[0]).bearer(officer(county)));
            assertThat(answer.status()).as((String) p[0]).isEqualTo(400);
            assertThat(answer.json().path("errors").findValuesAsText("field")).as((String) p[0]).contains((String) p[1]);
        }
        assertThat(door().send(ApiRequest.get("/v1/batch-policies/salary").bearer(auditor(county))).status()).isEqualTo(404);
        JsonNode list = expect(door().send(ApiRequest.get("/v1/batches").bearer(auditor(county))), 200).json();
        assertThat(list.path("items")).as("nothing written").isEmpty();
        assertThat(expect(door().send(ApiRequest.get("/v1/batch-policies/allowance").bearer(auditor(county))), 200).json()
                .path("version").asInt()).isZero();
    }

    @Test
    void anotherCountysBatch_isNotFound_andEachRoleDoesOnlyItsPart() {
        fundedBudget(door(), county, "LONGEVITY_ALLOWANCE", 1_000_000);
        String id = expect(door().send(createBatch(county, "ALLOWANCE", month)), 201).json().path("batch").path("id").asText();
        String stranger = FundFixtures.newCounty();

        assertThat(door().send(ApiRequest.get("/v1/batches/" + id).bearer(auditor(stranger))).status()).isEqualTo(404);
        assertThat(door().send(approveBatch(stranger, id, approver(stranger))).status()).isEqualTo(404);
        assertThat(door().send(ApiRequest.get("/v1/batches/not-a-uuid").bearer(auditor(county))).status()).isEqualTo(404);
        assertThat(door().send(ApiRequest.get("/v1/batches").bearer(auditor(stranger))).json().path("items")).isEmpty();
        assertThat(door().send(createBatch(county, "ALLOWANCE", month).bearer(approver(county))).status()).isEqualTo(403);
        assertThat(door().send(approveBatch(county, id, officer(county))).status()).isEqualTo(403);
        assertThat(BatchFixtures.batch(door(), county, id).path("batch").path("status").asText()).isEqualTo("DRAFT");
    }

    private void fundedTwice() {
        fundedTwice(1_000_000);
    }

    private void fundedTwice(long amountFen) {
        String transfer = expect(door().send(FundFixtures.appropriation(county, "LONGEVITY_ALLOWANCE", amountFen)), 201)
                .json().path("id").asText();
        expect(door().send(FundFixtures.approve(county, transfer)), 200);
        expect(door().send(FundFixtures.step(county, transfer, "approve", secondApprover(county), "{}")), 200);
    }

    private long transferCount() {
        return expect(door().send(ApiRequest.get("/v1/transfers").bearer(auditor(county))), 200).json().path("items").size();
    }
}
