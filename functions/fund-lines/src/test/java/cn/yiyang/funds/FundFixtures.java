package cn.yiyang.funds;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.ScenarioCounties;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * The world a ledger scenario needs. Each scenario keeps the books of a county of its own (a
 * random division code), so its fund lines, balances and audit chain are its alone.
 */
public final class FundFixtures {

    public static final int FISCAL_YEAR = 2026;

    private FundFixtures() {
    }

    /** A county no other test of this JVM uses, served by the tests' deployment. */
    public static String newCounty() {
        return ScenarioCounties.fresh();
    }

    public static String officer(String county) {
        return Tokens.of(county, "officer-1", Role.OFFICER);
    }

    public static String otherOfficer(String county) {
        return Tokens.of(county, "officer-2", Role.OFFICER);
    }

    public static String approver(String county) {
        return Tokens.of(county, "approver-1", Role.APPROVER);
    }

    public static String secondApprover(String county) {
        return Tokens.of(county, "approver-2", Role.APPROVER);
    }

    public static String auditor(String county) {
        return Tokens.of(county, "auditor-1", Role.AUDITOR);
    }

    public static String key(String what) {
        return what + "-" + UUID.randomUUID();
    }

    public static void installLines(Door door, String county) {
        expect(door.send(ApiRequest.post("/v1/fund-lines/defaults", "{}").bearer(officer(county)).idempotencyKey(key("lines"))), 201);
    }

    public static ApiRequest appropriation(String county, String line, long amountFen) {
        return ApiRequest.post("/v1/appropriations", """
                {"fundLine":"%s","fiscalYear":%d,"amountFen":%d,"memo":"年度预算下达"}""".formatted(line, FISCAL_YEAR, amountFen))
                .bearer(officer(county)).idempotencyKey(key("approp"));
    }

    public static ApiRequest payment(String county, String debit, String credit, long amountFen) {
        return ApiRequest.post("/v1/transfers", """
                {"debitAccountId":"%s","creditAccountId":"%s","amountFen":%d}""".formatted(debit, credit, amountFen))
                .bearer(officer(county)).idempotencyKey(key("pay"));
    }

    public static ApiRequest step(String county, String transfer, String action, String token, String body) {
        return ApiRequest.post("/v1/transfers/" + transfer + "/" + action, body).bearer(token).idempotencyKey(key(action));
    }

    public static ApiRequest approve(String county, String transfer) {
        return step(county, transfer, "approve", approver(county), "{}");
    }

    /** An approved appropriation: the line's budget for the fiscal year holds the amount; answers the budget account id. */
    public static String fundedBudget(Door door, String county, String line, long amountFen) {
        String transfer = expect(door.send(appropriation(county, line, amountFen)), 201).json().path("id").asText();
        expect(door.send(approve(county, transfer)), 200);
        return accountOf(door, county, line, "BUDGET").path("id").asText();
    }

    public static String payee(Door door, String county, String line, String type, String ref) {
        return expect(door.send(ApiRequest.post("/v1/fund-accounts", """
                {"fundLine":"%s","payeeType":"%s","payeeRef":"%s","name":"%s"}""".formatted(line, type, ref, "收款方 " + ref))
                .bearer(officer(county)).idempotencyKey(key("payee"))), 201).json().path("id").asText();
    }

    public static JsonNode account(Door door, String county, String id) {
        return expect(door.send(ApiRequest.get("/v1/fund-accounts/" + id).bearer(auditor(county))), 200).json();
    }

    public static JsonNode accountOf(Door door, String county, String line, String kind) {
        JsonNode items = expect(door.send(ApiRequest.get("/v1/fund-accounts").query("fundLine", line).bearer(auditor(county))), 200)
                .json().path("items");
        for (JsonNode a : items) {
            if (a.path("kind").asText().equals(kind)) {
                return a;
            }
        }
        throw new AssertionError("no " + kind + " account in " + line);
    }

    public static JsonNode transfer(Door door, String county, String id) {
        return expect(door.send(ApiRequest.get("/v1/transfers/" + id).bearer(auditor(county))), 200).json();
    }

    /** Calls to carry one verification to the head: a county's chain in these tests stays far below this many pages. */
    public static final int VERIFY_CALLS_MAX = 100;

    /**
     * The county's verification as an auditor's client does it: a walk that stops at the entries-per-call
     * limit is carried on from where it stopped; without a checkpoint the first call is a full walk, so the
     * rest go on with {@code full=true} and the last one holds every row and balance against the trail.
     */
    public static JsonNode verify(Door door, String county) {
        JsonNode answer = expect(door.send(ApiRequest.get("/v1/audit/verify").bearer(auditor(county))), 200).json();
        boolean fromTheFirstEntry = !answer.path("checkpoint").isObject();
        for (int calls = 1; !answer.path("complete").asBoolean() && calls < VERIFY_CALLS_MAX; calls++) {
            ApiRequest next = ApiRequest.get("/v1/audit/verify").query("fromSeq", answer.path("resumeAfterSeq").asText())
                    .bearer(auditor(county));
            answer = expect(door.send(fromTheFirstEntry ? next.query("full", "true") : next), 200).json();
        }
        return answer;
    }

    public static ApiAnswer expect(ApiAnswer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ": " + answer);
        }
        return answer;
    }
}
