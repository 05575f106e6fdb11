package cn.yiyang.funds;

import static cn.yiyang.funds.BatchFixtures.admission;
import static cn.yiyang.funds.BatchFixtures.approveBatch;
import static cn.yiyang.funds.BatchFixtures.bed;
import static cn.yiyang.funds.BatchFixtures.createBatch;
import static cn.yiyang.funds.BatchFixtures.disabled;
import static cn.yiyang.funds.BatchFixtures.institution;
import static cn.yiyang.funds.BatchFixtures.stay;
import static cn.yiyang.funds.BatchFixtures.thisMonth;
import static cn.yiyang.funds.FundFixtures.approve;
import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static cn.yiyang.funds.FundFixtures.key;
import static cn.yiyang.funds.FundFixtures.officer;
import static cn.yiyang.funds.FundFixtures.payee;
import static cn.yiyang.funds.FundFixtures.payment;
import static cn.yiyang.funds.FundFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.settlements.MealFeedTable;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.stores.dynamo.DynamoTables;
import cn.yiyang.stores.pg.settlements.BookingSettlementFeed;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.DuplicateStorm;
import cn.yiyang.testing.DuplicateStorm.Case;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.TestPeople;
import io.quarkus.arc.Arc;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Fifty duplicates at once on every idempotent fund-lines route, each in a county of its own: the first
 * answer for all, and money moved once (the accounts and the ledger read back after the storm).
 */
public abstract class FundDuplicateStormScenarios {

    private static final long AMOUNT_FEN = 1_200;

    protected abstract Door door();

    private Door client() {
        return RetryingClient.around(door());
    }

    /** A fresh county with the six default fund lines. */
    private String county() {
        String county = FundFixtures.newCounty();
        FundFixtures.installLines(client(), county);
        return county;
    }

    private Map<Route, Supplier<Case>> cases() {
        return Map.ofEntries(
                Map.entry(FundRoutes.INSTALL_LINES, () -> Case.of(ApiRequest.post("/v1/fund-lines/defaults", "{}")
                        .bearer(officer(FundFixtures.newCounty())).idempotencyKey(key("storm")))),
                Map.entry(FundRoutes.CREATE_LINE, () -> Case.of(ApiRequest.post("/v1/fund-lines", "{\"code\":\"STORM_GRANT\",\"name\":\"风暴补助\"}")
                        .bearer(officer(county())).idempotencyKey(key("storm")))),
                Map.entry(FundRoutes.OPEN_ACCOUNT, () -> Case.of(ApiRequest.post("/v1/fund-accounts",
                        "{\"fundLine\":\"MEAL_SUBSIDY\",\"payeeType\":\"MEAL_POINT\",\"payeeRef\":\"mp-storm\",\"name\":\"风暴助餐点\"}")
                        .bearer(officer(county())).idempotencyKey(key("storm")))),
                Map.entry(FundRoutes.APPROPRIATE, this::appropriate),
                Map.entry(FundRoutes.CREATE_TRANSFER, this::pay),
                Map.entry(FundRoutes.APPROVE, () -> resolution("approve")),
                Map.entry(FundRoutes.REJECT, () -> resolution("reject")),
                Map.entry(FundRoutes.VOID, () -> resolution("void")),
                Map.entry(FundRoutes.REVERSE, this::reverse),
                Map.entry(FundRoutes.SETTLE_MEALS, this::settleMeals),
                Map.entry(FundRoutes.SETTLE_BOOKINGS, this::settleBookings),
                Map.entry(FundRoutes.RELEASE_VISIT, () -> decideVisit("release")),
                Map.entry(FundRoutes.REJECT_VISIT, () -> decideVisit("reject")),
                Map.entry(FundRoutes.CREATE_BATCH, () -> Case.of(createBatch(allowanceCounty(), "ALLOWANCE", thisMonth()))),
                Map.entry(FundRoutes.APPROVE_BATCH, () -> batchStep("approve")),
                Map.entry(FundRoutes.CANCEL_BATCH, () -> batchStep("cancel")),
                Map.entry(FundRoutes.IMPORT_BANK_RETURN, this::bankReturn),
                Map.entry(FundRoutes.REGISTER_BED, () -> {
                    String county = county();
                    return Case.of(BatchFixtures.registerBed(county, institution(client(), county, "inst-storm"), county + "-S-1"));
                }),
                Map.entry(FundRoutes.ADMIT, () -> {
                    String county = county();
                    String bed = bed(client(), county, institution(client(), county, "inst-storm"), county + "-S-1");
                    return Case.of(admission(county, bed, disabled(county, "MILD"), today().minusDays(3)));
                }),
                Map.entry(FundRoutes.DISCHARGE, () -> {
                    String county = county();
                    String bed = bed(client(), county, institution(client(), county, "inst-storm"), county + "-S-1");
                    String stay = stay(client(), county, bed, disabled(county, "MILD"), today().minusDays(3), null);
                    return Case.of(BatchFixtures.discharge(county, stay, today()));
                }),
                Map.entry(FundRoutes.REGISTER_CAREGIVER, this::registerCaregiver),
                Map.entry(FundRoutes.ASSIGN_CAREGIVER, this::assignCaregiver),
                Map.entry(FundRoutes.END_ASSIGNMENT, this::endAssignment),
                Map.entry(FundRoutes.RECORD_CERTIFICATE, this::recordCertificate),
                Map.entry(FundRoutes.WITHDRAW_CERTIFICATE, this::withdrawCertificate));
    }

    private static ApiRequest caregiver(String county) {
        LocalDate today = today();
        return ApiRequest.post("/v1/care-home-caregivers", """
                {"name":"风暴护理","idNumber":"%s","phone":"%s","certificateLevel":"SENIOR","certificateNumber":"HL-STORM",
                 "certificateFrom":"%s","certificateUntil":"%s"}""".formatted(TestPeople.idNumber(), TestPeople.phone(),
                        today.minusYears(1), today.plusYears(2)))
                .bearer(officer(county)).idempotencyKey(key("storm"));
    }

    private Case registerCaregiver() {
        String county = county();
        return new Case(caregiver(county), () -> assertThat(FundProbe.number(
                "select count(*) from funds.caregiver where county = ?1", county)).as("registered once").isEqualTo(1));
    }

    /** A registered caregiver and a coded bed, for the assignment routes. */
    private String[] caregiverAndBed(String county) {
        String caregiver = expect(client().send(caregiver(county)), 201).json().path("id").asText();
        String bed = bed(client(), county, institution(client(), county, "inst-storm"), county + "-S-1");
        return new String[] {caregiver, bed};
    }

    private static ApiRequest assignment(String county, String caregiver, String bed) {
        return ApiRequest.post("/v1/care-home-caregivers/" + caregiver + "/assignments",
                "{\"bedId\":\"%s\",\"from\":\"%s\"}".formatted(bed, today().minusDays(3)))
                .bearer(officer(county)).idempotencyKey(key("storm"));
    }

    private Case assignCaregiver() {
        String county = county();
        String[] ids = caregiverAndBed(county);
        return new Case(assignment(county, ids[0], ids[1]), () -> assertThat(FundProbe.number(
                "select count(*) from funds.caregiver_assignment where county = ?1", county)).as("assigned once").isEqualTo(1));
    }

    private Case endAssignment() {
        String county = county();
        String[] ids = caregiverAndBed(county);
        String assignment = expect(client().send(assignment(county, ids[0], ids[1])), 201).json().path("id").asText();
        return new Case(ApiRequest.post("/v1/caregiver-assignments/" + assignment + "/end",
                "{\"endsOn\":\"%s\"}".formatted(today())).bearer(officer(county)).idempotencyKey(key("storm")),
                () -> assertThat(FundProbe.number("select count(*) from funds.caregiver_assignment where county = ?1 "
                        + "and ended_by is not null", county)).as("ended once").isEqualTo(1));
    }

    /** A renewal from the day after the registered certificate ends. */
    private Case recordCertificate() {
        String county = county();
        String caregiver = expect(client().send(caregiver(county)), 201).json().path("id").asText();
        LocalDate from = today().plusYears(2).plusDays(1);
        return new Case(ApiRequest.post("/v1/care-home-caregivers/" + caregiver + "/certificates",
                "{\"level\":\"TECHNICIAN\",\"number\":\"HL-STORM-2\",\"validFrom\":\"%s\",\"validUntil\":\"%s\"}"
                        .formatted(from, from.plusYears(5))).bearer(officer(county)).idempotencyKey(key("storm")),
                () -> assertThat(FundProbe.number("select count(*) from funds.caregiver_certificate where county = ?1", county))
                        .as("the registered certificate and one renewal").isEqualTo(2));
    }

    /** A renewal recorded in error, withdrawn by fifty duplicates: stamped once, audited once. */
    private Case withdrawCertificate() {
        String county = county();
        String caregiver = expect(client().send(caregiver(county)), 201).json().path("id").asText();
        LocalDate from = today().plusYears(2).plusDays(1);
        String certificate = expect(client().send(ApiRequest.post("/v1/care-home-caregivers/" + caregiver + "/certificates",
                "{\"level\":\"TECHNICIAN\",\"number\":\"HL-STORM-3\",\"validFrom\":\"%s\",\"validUntil\":\"%s\"}"
                        .formatted(from, from.plusYears(5))).bearer(officer(county)).idempotencyKey(key("storm"))), 201)
                .json().path("id").asText();
        return new Case(ApiRequest.post("/v1/caregiver-certificates/" + certificate + "/withdraw", "{\"reason\":\"等级录错\"}")
                .bearer(officer(county)).idempotencyKey(key("storm")), () -> {
                    assertThat(FundProbe.number("select count(*) from funds.caregiver_certificate where county = ?1 "
                            + "and withdrawn_at is not null", county)).as("withdrawn once").isEqualTo(1);
                    assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1 and action = "
                            + "'CAREGIVER_CERTIFICATE_WITHDRAWN'", county)).as("audited once").isEqualTo(1);
                });
    }

    @Test
    void theStormCases_coverExactlyTheIdempotentRoutesOfTheTable() {
        DuplicateStorm.assertCasesMatch(FundRoutes.ALL, cases());
    }

    @TestFactory
    Stream<DynamicTest> fiftyDuplicatesAtOnce_onEveryIdempotentRoute_allGetTheFirstAnswer() {
        return DuplicateStorm.overEveryIdempotentRoute(FundRoutes.ALL, cases(), door(), () -> { });
    }

    private Case appropriate() {
        String county = county();
        return new Case(FundFixtures.appropriation(county, "MEAL_SUBSIDY", AMOUNT_FEN), () -> assertThat(
                FundProbe.number("select count(*) from funds.transfer where county = ?1", county)).as("one appropriation").isEqualTo(1));
    }

    private Case pay() {
        String county = county();
        String budget = fundedBudget(client(), county, "MEAL_SUBSIDY", 100_000);
        String point = payee(client(), county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-storm");
        return new Case(payment(county, budget, point, AMOUNT_FEN), () -> assertThat(FundFixtures.account(client(), county, budget)
                .path("debitsPending").asLong()).as("reserved once").isEqualTo(AMOUNT_FEN));
    }

    /** A pending payment, approved, rejected or voided by fifty duplicates. */
    private Case resolution(String action) {
        String county = county();
        String budget = fundedBudget(client(), county, "MEAL_SUBSIDY", 100_000);
        String point = payee(client(), county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-storm");
        String transfer = expect(client().send(payment(county, budget, point, AMOUNT_FEN)), 201).json().path("id").asText();
        ApiRequest request = switch (action) {
            case "approve" -> approve(county, transfer);
            case "reject" -> step(county, transfer, action, approver(county), "{\"reason\":\"票据不全\"}");
            default -> step(county, transfer, action, officer(county), "{\"reason\":\"撤回\"}");
        };
        long posted = action.equals("approve") ? AMOUNT_FEN : 0;
        return new Case(request, () -> {
            assertThat(FundFixtures.account(client(), county, point).path("creditsPosted").asLong()).as("paid once or not at all").isEqualTo(posted);
            assertThat(FundFixtures.verify(client(), county).path("valid").asBoolean()).isTrue();
        });
    }

    private Case reverse() {
        String county = county();
        String budget = fundedBudget(client(), county, "MEAL_SUBSIDY", 100_000);
        String point = payee(client(), county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-storm");
        String paid = expect(client().send(payment(county, budget, point, AMOUNT_FEN)), 201).json().path("id").asText();
        expect(client().send(approve(county, paid)), 200);
        return new Case(step(county, paid, "reverse", officer(county), "{\"memo\":\"重复支付\"}"), () -> assertThat(
                FundProbe.number("select count(*) from funds.transfer where county = ?1 and kind = 'REVERSAL'", county))
                .as("reversed once").isEqualTo(1));
    }

    private Case settleMeals() {
        String county = county();
        LocalDate yesterday = today().minusDays(1);
        budgetOf(county, "MEAL_SUBSIDY", yesterday.getYear());
        SettlementFeeds feeds = new SettlementFeeds(Arc.container().instance(DynamoDbClient.class).get(),
                Arc.container().instance(DynamoTables.class).get().physicalName(Arc.container().instance(MealFeedTable.class).get()));
        feeds.mealPoint(county, "mp-storm", "风暴助餐点", "风暴餐饮");
        feeds.served(county, "mp-storm", yesterday, 500);
        String settlementKey = MealSettlementFeed.key(county, "mp-storm", yesterday);
        return new Case(ApiRequest.post("/v1/settlements/meals", "{\"date\":\"" + yesterday + "\"}").bearer(officer(county))
                .idempotencyKey(key("storm")), () -> assertSettledOnce(county, settlementKey));
    }

    private Case settleBookings() {
        String county = county();
        YearMonth lastMonth = YearMonth.from(today()).minusMonths(1);
        budgetOf(county, "SERVICE_SUBSIDY", lastMonth.getYear());
        String provider = SettlementFeeds.provider(county, "风暴服务社");
        SettlementFeeds.booking(county, provider, lastMonth.atDay(3), "COMPLETED", 2_000);
        String settlementKey = BookingSettlementFeed.key(county, provider, lastMonth);
        return new Case(ApiRequest.post("/v1/settlements/bookings", "{\"month\":\"" + lastMonth + "\"}").bearer(officer(county))
                .idempotencyKey(key("storm")), () -> assertSettledOnce(county, settlementKey));
    }

    /** A visit flagged far too short, released or rejected by fifty duplicates: one decision, one audit entry. */
    private Case decideVisit(String action) {
        String county = county();
        String provider = SettlementFeeds.provider(county, "风暴服务社");
        String visit = SettlementFeeds.booking(county, provider, today().minusDays(2), "COMPLETED", 1_500, "resident-storm", true);
        return new Case(ApiRequest.post("/v1/held-visits/" + visit + "/" + action, "{\"reason\":\"回访核实\"}").bearer(officer(county))
                .idempotencyKey(key("storm")), () -> {
                    assertThat(FundProbe.number("select count(*) from funds.visit_decision where county = ?1", county)).isEqualTo(1);
                    assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1 and subject_id = ?2",
                            county, visit)).as("audited once").isEqualTo(1);
                });
    }

    /** A DRAFT allowance batch of this month, approved or cancelled by fifty duplicates. */
    private Case batchStep(String action) {
        String county = allowanceCounty();
        String budget = FundFixtures.accountOf(client(), county, "LONGEVITY_ALLOWANCE", "BUDGET").path("id").asText();
        String batch = expect(client().send(createBatch(county, "ALLOWANCE", thisMonth())), 201).json().path("batch").path("id").asText();
        ApiRequest request = action.equals("approve") ? approveBatch(county, batch, approver(county))
                : ApiRequest.post("/v1/batches/" + batch + "/cancel", "{\"reason\":\"名单有误\"}").bearer(officer(county)).idempotencyKey(key("storm"));
        long paid = action.equals("approve") ? 5_000 : 0;
        return new Case(request, () -> assertThat(FundFixtures.account(client(), county, budget).path("debitsPosted").asLong())
                .as("the batch paid once or not at all").isEqualTo(paid));
    }

    /** A posted batch's one item returned FAILED by the bank, by fifty duplicates: reversed once. */
    private Case bankReturn() {
        String county = allowanceCounty();
        String batch = BatchFixtures.postedBatch(client(), county, "ALLOWANCE", thisMonth()).path("batch").path("id").asText();
        String transfer = FundProbe.column("select t.id::text from funds.transfer t where t.batch_id = cast(?1 as uuid)", batch).get(0);
        String file = "H|YIYANG-DAIFA-RETURN-1|" + batch + "\\nR|1|" + transfer + "|FAILED|账户已销户\\nT|1|0|1\\n";
        return new Case(ApiRequest.post("/v1/batches/" + batch + "/bank-returns", "{\"file\":\"" + file + "\"}").bearer(officer(county))
                .idempotencyKey(key("storm")), () -> assertThat(FundProbe.number(
                "select count(*) from funds.transfer where county = ?1 and kind = 'REVERSAL'", county)).as("reversed once").isEqualTo(1));
    }

    /** A county with a funded 高龄津贴 budget and one resident of 82 due this month (¥50 by the default bands). */
    private String allowanceCounty() {
        String county = county();
        fundedBudget(client(), county, "LONGEVITY_ALLOWANCE", 1_000_000);
        BatchFixtures.resident(county, thisMonth(), 82, ResidentCard.ACTIVE);
        return county;
    }

    private void budgetOf(String county, String line, int fiscalYear) {
        String transfer = expect(client().send(ApiRequest.post("/v1/appropriations", """
                {"fundLine":"%s","fiscalYear":%d,"amountFen":100000}""".formatted(line, fiscalYear))
                .bearer(officer(county)).idempotencyKey(key("approp"))), 201).json().path("id").asText();
        expect(client().send(approve(county, transfer)), 200);
    }

    private static void assertSettledOnce(String county, String settlementKey) {
        assertThat(FundProbe.number("select count(*) from funds.transfer where county = ?1 and cause_ref = ?2", county, settlementKey))
                .as("settled once: " + settlementKey).isEqualTo(1);
    }

    private static LocalDate today() {
        return LocalDate.now(CountyTime.ZONE);
    }
}
