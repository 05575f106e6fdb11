package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.approve;
import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.auditor;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.key;
import static cn.yiyang.funds.FundFixtures.officer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.settlements.MealFeedTable;
import cn.yiyang.funds.settlements.SettlementService;
import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoTables;
import cn.yiyang.stores.pg.settlements.BookingSettlementFeed;
import cn.yiyang.stores.settlements.MealSettlementFeed;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.InProcessLambdaDoor;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Settlements on the real stores: served meals in the meals table (DynamoDB Local) and completed
 * bookings in the bookings schema (embedded PostgreSQL) become PENDING transfers, once per key,
 * through the Lambda handler (and, for the races, its dispatcher from many threads).
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class SettlementLambdaTest {

    private final LambdaDoor door = LambdaDoor.ofThisTest();

    @Inject
    ApiDispatcher dispatcher;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    DynamoTables tables;
    @Inject
    MealFeedTable mealTable;

    private SettlementFeeds feeds;
    private String county;
    private LocalDate yesterday;
    private YearMonth lastMonth;

    @BeforeEach
    void aCountyWithItsFundLines() {
        MutableClock.INSTANCE.reset();
        feeds = new SettlementFeeds(dynamo, tables.physicalName(mealTable));
        county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        yesterday = CountyTime.today(MutableClock.INSTANCE).minusDays(1);
        lastMonth = YearMonth.from(CountyTime.today(MutableClock.INSTANCE)).minusMonths(1);
    }

    @Test
    void mealSettlement_runTwice_paysEachPointAndDayOnce_asPendingTransfersThatAwaitApproval() {
        String budget = fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 100_000);
        servedMeals(county, "mp-east", "东园助餐点", "东园餐饮公司", yesterday, 500, 500, 300);
        servedMeals(county, "mp-west", "西园助餐点", "西园餐饮公司", yesterday, 400, 400);
        servedMeals(county, "mp-full-price", "南园助餐点", "南园餐饮公司", yesterday, 0);
        feeds.noShow(county, "mp-east", yesterday);
        servedMeals(county, "mp-east", "东园助餐点", "东园餐饮公司", yesterday.minusDays(1), 900);

        JsonNode first = expect(door.send(settleMeals(county, yesterday)), 200).json();
        JsonNode second = expect(door.send(settleMeals(county, yesterday)), 200).json();

        assertThat(first.path("created").asInt()).isEqualTo(2);
        assertThat(first.path("nothingToPay").asInt()).isEqualTo(1);
        assertThat(first.path("createdFen").asLong()).isEqualTo(2_100);
        JsonNode east = item(first, MealSettlementFeed.key(county, "mp-east", yesterday));
        assertThat(east.path("result").asText()).isEqualTo("CREATED");
        assertThat(east.path("units").asLong()).isEqualTo(3);
        assertThat(east.path("subsidisedUnits").asLong()).isEqualTo(3);
        assertThat(east.path("amountFen").asLong()).isEqualTo(1_300);
        assertThat(east.path("payeeName").asText()).isEqualTo("东园餐饮公司");
        assertThat(east.path("transferStatus").asText()).isEqualTo("PENDING");
        assertThat(second.path("created").asInt()).isZero();
        assertThat(second.path("alreadySettled").asInt()).isEqualTo(2);
        assertThat(item(second, east.path("settlementKey").asText()).path("transferId").asText())
                .isEqualTo(east.path("transferId").asText());

        JsonNode transfer = FundFixtures.transfer(door, county, east.path("transferId").asText());
        assertThat(transfer.path("status").asText()).isEqualTo("PENDING");
        assertThat(transfer.path("maker").asText()).isEqualTo("officer-1");
        assertThat(transfer.path("causeType").asText()).isEqualTo("MEAL");
        assertThat(transfer.path("causeRef").asText()).isEqualTo(east.path("settlementKey").asText());
        assertThat(transfer.path("debitAccountId").asText()).isEqualTo(budget);
        JsonNode payee = FundFixtures.account(door, county, transfer.path("creditAccountId").asText());
        assertThat(payee.path("payeeType").asText()).isEqualTo("MEAL_POINT");
        assertThat(payee.path("payeeRef").asText()).isEqualTo("mp-east");
        assertThat(FundFixtures.account(door, county, budget).path("available").asLong()).isEqualTo(100_000 - 2_100);

        expect(door.send(approve(county, east.path("transferId").asText())), 200);
        JsonNode third = expect(door.send(settleMeals(county, yesterday)), 200).json();
        assertThat(item(third, east.path("settlementKey").asText()).path("transferStatus").asText()).isEqualTo("POSTED");
        assertThat(third.path("created").asInt()).isZero();
        JsonNode trace = expect(door.send(ApiRequest.get("/v1/transfers/" + east.path("transferId").asText() + "/trace")
                .bearer(auditor(county))), 200).json();
        assertThat(trace.toString()).contains(east.path("settlementKey").asText());

        JsonNode listed = expect(door.send(ApiRequest.get("/v1/settlements").query("kind", "MEAL")
                .query("period", yesterday.toString()).bearer(auditor(county))), 200).json();
        assertThat(listed.path("items")).hasSize(2);
        assertThat(listed.path("items").get(0).path("units").asLong()).isEqualTo(3);
        assertThat(FundProbe.number("select count(*) from funds.transfer where county = ?1 and cause_type = 'MEAL'", county))
                .isEqualTo(2);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void bookingSettlement_runTwice_paysEachProviderAndMonthOnce_forCompletedSubsidisedVisitsOfThatMonthOnly() {
        String budget = fundedBudget(county, "SERVICE_SUBSIDY", lastMonth.getYear(), 50_000);
        String care = SettlementFeeds.provider(county, "康乐居家服务中心");
        String clean = SettlementFeeds.provider(county, "洁家服务社");
        SettlementFeeds.booking(county, care, lastMonth.atDay(3), "COMPLETED", 2_000);
        SettlementFeeds.booking(county, care, lastMonth.atEndOfMonth(), "RATED", 1_500);
        SettlementFeeds.booking(county, care, lastMonth.atDay(5), "CANCELLED", 3_000);
        SettlementFeeds.booking(county, care, lastMonth.atDay(6), "COMPLETED", 0);
        SettlementFeeds.booking(county, care, lastMonth.atDay(7), "IN_SERVICE", 1_000);
        SettlementFeeds.booking(county, care, lastMonth.plusMonths(1).atDay(1), "COMPLETED", 999);
        SettlementFeeds.booking(county, clean, lastMonth.atDay(1), "COMPLETED", 1_000);

        JsonNode first = expect(door.send(settleBookings(county, lastMonth)), 200).json();
        JsonNode second = expect(door.send(settleBookings(county, lastMonth)), 200).json();

        assertThat(first.path("created").asInt()).isEqualTo(2);
        assertThat(first.path("createdFen").asLong()).isEqualTo(4_500);
        JsonNode careItem = item(first, BookingSettlementFeed.key(county, care, lastMonth));
        assertThat(careItem.path("units").asLong()).isEqualTo(2);
        assertThat(careItem.path("amountFen").asLong()).isEqualTo(3_500);
        assertThat(careItem.path("payeeName").asText()).isEqualTo("康乐居家服务中心");
        assertThat(second.path("created").asInt()).isZero();
        assertThat(second.path("alreadySettled").asInt()).isEqualTo(2);

        JsonNode transfer = FundFixtures.transfer(door, county, careItem.path("transferId").asText());
        assertThat(transfer.path("causeType").asText()).isEqualTo("BOOKING");
        assertThat(transfer.path("fundLine").asText()).isEqualTo("SERVICE_SUBSIDY");
        assertThat(FundFixtures.account(door, county, transfer.path("creditAccountId").asText()).path("payeeType").asText())
                .isEqualTo("PROVIDER");
        assertThat(FundFixtures.account(door, county, budget).path("available").asLong()).isEqualTo(50_000 - 4_500);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aMealSettlement_keepsEachServedSubsidisedOrder_andItsTraceReachesEachOrderAndResident() {
        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 100_000);
        feeds.mealPoint(county, "mp-trace", "追溯助餐点", "追溯餐饮");
        String wang = feeds.served(county, "mp-trace", yesterday, 500, "resident-wang");
        String li = feeds.served(county, "mp-trace", yesterday, 300, "resident-li");
        String zhao = feeds.served(county, "mp-trace", yesterday, 250, "resident-zhao");
        feeds.served(county, "mp-trace", yesterday, 0, "resident-full-price");
        feeds.served(county, "mp-trace", yesterday.minusDays(1), 900, "resident-day-before");

        JsonNode run = expect(door.send(settleMeals(county, yesterday)), 200).json();

        JsonNode settled = item(run, MealSettlementFeed.key(county, "mp-trace", yesterday));
        assertThat(settled.path("amountFen").asLong()).isEqualTo(1_050);
        JsonNode trace = trace(settled.path("transferId").asText()).path("settlement");
        assertThat(trace.path("kind").asText()).isEqualTo("MEAL");
        assertThat(trace.path("itemCount").asLong()).isEqualTo(3);
        assertThat(lines(trace)).containsExactlyInAnyOrder(
                wang + "|resident-wang|" + yesterday + "|500",
                li + "|resident-li|" + yesterday + "|300",
                zhao + "|resident-zhao|" + yesterday + "|250");
        assertThat(sumOfItems(trace)).isEqualTo(trace.path("amountFen").asLong()).isEqualTo(1_050);
        assertThat(FundProbe.number("select coalesce(sum(amount_fen), 0) from funds.settlement_item where county = ?1", county))
                .isEqualTo(1_050);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aBookingSettlement_keepsEachCompletedVisit_andItsTraceReachesEachBookingAndResident() {
        fundedBudget(county, "SERVICE_SUBSIDY", lastMonth.getYear(), 100_000);
        String provider = SettlementFeeds.provider(county, "追溯服务社");
        String first = SettlementFeeds.booking(county, provider, lastMonth.atDay(2), "COMPLETED", 2_000, "resident-zhou", false);
        String rated = SettlementFeeds.booking(county, provider, lastMonth.atEndOfMonth(), "RATED", 1_500, "resident-wu", false);
        SettlementFeeds.booking(county, provider, lastMonth.atDay(9), "CANCELLED", 3_000, "resident-zheng", false);
        SettlementFeeds.booking(county, provider, lastMonth.plusMonths(1).atDay(1), "COMPLETED", 999, "resident-next", false);

        JsonNode run = expect(door.send(settleBookings(county, lastMonth)), 200).json();

        JsonNode settled = item(run, BookingSettlementFeed.key(county, provider, lastMonth));
        JsonNode trace = trace(settled.path("transferId").asText()).path("settlement");
        assertThat(trace.path("kind").asText()).isEqualTo("BOOKING");
        assertThat(trace.path("period").asText()).isEqualTo(lastMonth.toString());
        assertThat(lines(trace)).containsExactly(
                first + "|resident-zhou|" + lastMonth.atDay(2) + "|2000",
                rated + "|resident-wu|" + lastMonth.atEndOfMonth() + "|1500");
        assertThat(sumOfItems(trace)).isEqualTo(settled.path("amountFen").asLong()).isEqualTo(3_500);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void figuresTheOrdersDoNotAccountFor_areRefusedItemsMismatch_withNothingOfThatSettlementWritten() {
        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 100_000);
        servedMeals(county, "mp-whole", "完整助餐点", "完整餐饮", yesterday, 400);
        servedMeals(county, "mp-gap", "缺单助餐点", "缺单餐饮", yesterday, 300);
        feeds.servedWithoutOrder(county, "mp-gap", yesterday, 200);
        String gapKey = MealSettlementFeed.key(county, "mp-gap", yesterday);

        JsonNode run = expect(door.send(settleMeals(county, yesterday)), 200).json();

        assertThat(item(run, MealSettlementFeed.key(county, "mp-whole", yesterday)).path("result").asText()).isEqualTo("CREATED");
        JsonNode gap = item(run, gapKey);
        assertThat(gap.path("result").asText()).isEqualTo("REFUSED");
        assertThat(gap.path("code").asText()).isEqualTo("SETTLEMENT_ITEMS_MISMATCH");
        assertThat(gap.path("userMessage").asText()).contains("明细");
        assertThat(FundProbe.number("select count(*) from funds.settlement where county = ?1 and settlement_key = ?2", county, gapKey))
                .isZero();
        assertThat(FundProbe.number("select count(*) from funds.settlement_item where county = ?1 and settlement_key = ?2",
                county, gapKey)).isZero();
        assertThat(FundProbe.number("select count(*) from funds.transfer where county = ?1 and client_key = ?2", county, gapKey))
                .isZero();
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aSettlementsMealAlteredInTheDatabase_isFoundByVerify() {
        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 10_000);
        String order = feeds.served(county, "mp-altered", yesterday, 400, "resident-altered");
        feeds.mealPoint(county, "mp-altered", "改动助餐点", "改动餐饮");
        String settlementKey = MealSettlementFeed.key(county, "mp-altered", yesterday);
        expect(door.send(settleMeals(county, yesterday)), 200);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();

        String refused = FundProbe.tryStatement("update funds.settlement_item set resident_id = 'someone-else' where county = '"
                + county + "'");
        FundProbe.tamper("update funds.settlement_item set resident_id = 'someone-else' where county = ?1 and item_ref = ?2",
                county, order);

        assertThat(refused).contains("insert-only");
        JsonNode verified = FundFixtures.verify(door, county);
        assertThat(verified.path("valid").asBoolean()).isFalse();
        assertThat(verified.path("firstBreak").path("kind").asText()).isEqualTo("SETTLEMENT_ALTERED");
        assertThat(verified.path("firstBreak").path("subjectId").asText()).isEqualTo(settlementKey);
    }

    @Test
    void aVisitFlaggedShort_isHeldOutOfItsMonth_untilReleased_thenTheNextRunPaysItOnce_onItsOwnWhenItsMonthIsSettled() {
        YearMonth earlier = lastMonth.minusMonths(1);
        String budget = fundedBudget(county, "SERVICE_SUBSIDY", earlier.getYear(), 100_000);
        if (lastMonth.getYear() != earlier.getYear()) {
            budget = fundedBudget(county, "SERVICE_SUBSIDY", lastMonth.getYear(), 100_000);
        }
        String provider = SettlementFeeds.provider(county, "暂扣服务社");
        String whole = SettlementFeeds.booking(county, provider, earlier.atDay(3), "COMPLETED", 2_000, "resident-whole", false);
        String shortVisit = SettlementFeeds.booking(county, provider, earlier.atDay(4), "COMPLETED", 1_500, "resident-short", true);
        String nextMonths = SettlementFeeds.booking(county, provider, lastMonth.atDay(5), "COMPLETED", 1_000, "resident-next", false);

        JsonNode first = item(expect(door.send(settleBookings(county, earlier)), 200).json(),
                BookingSettlementFeed.key(county, provider, earlier));
        JsonNode held = expect(door.send(heldVisits(earlier)), 200).json().path("items");
        JsonNode released = expect(door.send(decide(shortVisit, "release", "家属确认服务已完成，提前结束系老人要求")), 200).json();
        JsonNode sameMonthAgain = item(expect(door.send(settleBookings(county, earlier)), 200).json(),
                BookingSettlementFeed.key(county, provider, earlier) + ":released");
        JsonNode next = item(expect(door.send(settleBookings(county, lastMonth)), 200).json(),
                BookingSettlementFeed.key(county, provider, lastMonth));
        JsonNode nextAgain = expect(door.send(settleBookings(county, lastMonth)), 200).json();

        assertThat(first.path("amountFen").asLong()).isEqualTo(2_000);
        assertThat(lines(trace(first.path("transferId").asText()).path("settlement")))
                .containsExactly(whole + "|resident-whole|" + earlier.atDay(3) + "|2000");
        assertThat(held).hasSize(1);
        assertThat(held.get(0).path("bookingId").asText()).isEqualTo(shortVisit);
        assertThat(held.get(0).path("state").asText()).isEqualTo("HELD");
        assertThat(released.path("state").asText()).isEqualTo("RELEASED");
        assertThat(released.path("decidedBy").asText()).isEqualTo("officer-1");
        assertThat(sameMonthAgain.path("result").asText()).as("its month is settled: paid on its own").isEqualTo("CREATED");
        assertThat(sameMonthAgain.path("amountFen").asLong()).isEqualTo(1_500);
        assertThat(lines(trace(sameMonthAgain.path("transferId").asText()).path("settlement")))
                .containsExactly(shortVisit + "|resident-short|" + earlier.atDay(4) + "|1500");
        assertThat(next.path("result").asText()).isEqualTo("CREATED");
        assertThat(next.path("amountFen").asLong()).isEqualTo(1_000);
        JsonNode nextTrace = trace(next.path("transferId").asText()).path("settlement");
        assertThat(lines(nextTrace)).containsExactly(nextMonths + "|resident-next|" + lastMonth.atDay(5) + "|1000");
        assertThat(nextAgain.path("created").asInt()).isZero();
        assertThat(FundProbe.number("select count(*) from funds.settlement_item where county = ?1 and item_ref = ?2", county,
                shortVisit)).as("paid once").isEqualTo(1);
        JsonNode afterwards = expect(door.send(heldVisits(earlier)), 200).json().path("items").get(0);
        assertThat(afterwards.path("state").asText()).isEqualTo("RELEASED");
        assertThat(afterwards.path("reason").asText()).isEqualTo("家属确认服务已完成，提前结束系老人要求");
        assertThat(afterwards.path("paidIn").asText()).isEqualTo(sameMonthAgain.path("settlementKey").asText());
        assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1 and action = 'VISIT_RELEASED'"
                + " and subject_id = ?2 and payload like ?3", county, shortVisit, "%提前结束系老人要求%")).isEqualTo(1);
        assertThat(FundFixtures.account(door, county, budget).path("debitsPending").asLong()).isGreaterThanOrEqualTo(2_500);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aReleasedVisit_whoseProviderHadNoOtherVisit_isPaidOnItsOwnByTheNextMonthlyJob_once() {
        YearMonth earlier = lastMonth.minusMonths(1);
        String budget = fundedBudget(county, "SERVICE_SUBSIDY", lastMonth.getYear(), 100_000);
        if (lastMonth.getYear() != earlier.getYear()) {
            fundedBudget(county, "SERVICE_SUBSIDY", earlier.getYear(), 100_000);
        }
        String provider = SettlementFeeds.provider(county, "独一服务社");
        String lone = SettlementFeeds.booking(county, provider, earlier.atDay(6), "COMPLETED", 1_800, "resident-lone", true);
        String ownKey = BookingSettlementFeed.key(county, provider, earlier);
        String releasedKey = ownKey.replace(":" + earlier, ":" + lastMonth) + ":released";

        JsonNode heldMonth = item(expect(door.send(settleBookings(county, earlier)), 200).json(), ownKey);
        JsonNode beforeRelease = jobAnswer(door.invoke(FundRoutes.SETTLE_BOOKINGS_MONTHLY.event(List.of(county))));
        expect(door.send(decide(lone, "release", "电话回访确认服务完成")), 200);
        JsonNode paid = item(jobAnswer(door.invoke(FundRoutes.SETTLE_BOOKINGS_MONTHLY.event(List.of(county)))).path("runs").get(0),
                releasedKey);
        JsonNode again = expect(door.send(settleBookings(county, lastMonth)), 200).json();
        JsonNode earlierAgain = item(expect(door.send(settleBookings(county, earlier)), 200).json(), ownKey);

        assertThat(heldMonth.path("result").asText()).isEqualTo("NOTHING_TO_PAY");
        assertThat(beforeRelease.path("runs").get(0).path("items")).as("nothing released yet").isEmpty();
        assertThat(paid.path("result").asText()).isEqualTo("CREATED");
        assertThat(paid.path("amountFen").asLong()).isEqualTo(1_800);
        assertThat(paid.path("payeeName").asText()).isEqualTo("独一服务社");
        JsonNode trace = trace(paid.path("transferId").asText()).path("settlement");
        assertThat(lines(trace)).containsExactly(lone + "|resident-lone|" + earlier.atDay(6) + "|1800");
        assertThat(FundFixtures.transfer(door, county, paid.path("transferId").asText()).path("memo").asText())
                .contains("放行的暂扣服务 1 次");
        assertThat(again.path("created").asInt()).as("nothing left to pay").isZero();
        assertThat(earlierAgain.path("result").asText()).as("paid already, by the released settlement").isEqualTo("NOTHING_TO_PAY");
        assertThat(FundProbe.number("select count(*) from funds.settlement_item where county = ?1 and item_ref = ?2", county,
                lone)).as("paid once").isEqualTo(1);
        assertThat(expect(door.send(heldVisits(earlier)), 200).json().path("items").get(0).path("paidIn").asText())
                .isEqualTo(releasedKey);
        assertThat(FundFixtures.account(door, county, budget).path("debitsPending").asLong()).isEqualTo(1_800);
        assertThat(expect(door.send(approve(county, paid.path("transferId").asText())), 200).json().path("status").asText())
                .isEqualTo("POSTED");
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void releasedVisits_arePaidWithTheirProvidersMonth_orOnTheirOwnWhenThatMonthIsSettled_eachOnce() {
        YearMonth earlier = lastMonth.minusMonths(1);
        fundedBudget(county, "SERVICE_SUBSIDY", lastMonth.getYear(), 100_000);
        if (lastMonth.getYear() != earlier.getYear()) {
            fundedBudget(county, "SERVICE_SUBSIDY", earlier.getYear(), 100_000);
        }
        String settledFirst = SettlementFeeds.provider(county, "先结服务社");
        String wholeA = SettlementFeeds.booking(county, settledFirst, earlier.atDay(3), "COMPLETED", 2_000, "resident-a1", false);
        String shortA = SettlementFeeds.booking(county, settledFirst, earlier.atDay(4), "COMPLETED", 1_500, "resident-a2", true);
        String busy = SettlementFeeds.provider(county, "续办服务社");
        String shortB = SettlementFeeds.booking(county, busy, earlier.atDay(5), "COMPLETED", 700, "resident-b1", true);
        String nextB = SettlementFeeds.booking(county, busy, lastMonth.atDay(5), "COMPLETED", 900, "resident-b2", false);

        JsonNode first = expect(door.send(settleBookings(county, earlier)), 200).json();
        expect(door.send(decide(shortA, "release", "监控核实服务完成")), 200);
        expect(door.send(decide(shortB, "release", "家属确认")), 200);
        JsonNode next = expect(door.send(settleBookings(county, lastMonth)), 200).json();
        JsonNode nextAgain = expect(door.send(settleBookings(county, lastMonth)), 200).json();

        assertThat(item(first, BookingSettlementFeed.key(county, settledFirst, earlier)).path("amountFen").asLong()).isEqualTo(2_000);
        JsonNode aAlone = item(next, BookingSettlementFeed.key(county, settledFirst, lastMonth) + ":released");
        assertThat(aAlone.path("result").asText()).isEqualTo("CREATED");
        assertThat(lines(trace(aAlone.path("transferId").asText()).path("settlement")))
                .containsExactly(shortA + "|resident-a2|" + earlier.atDay(4) + "|1500");
        JsonNode bMonth = item(next, BookingSettlementFeed.key(county, busy, lastMonth));
        assertThat(bMonth.path("result").asText()).isEqualTo("CREATED");
        assertThat(lines(trace(bMonth.path("transferId").asText()).path("settlement"))).containsExactlyInAnyOrder(
                shortB + "|resident-b1|" + earlier.atDay(5) + "|700", nextB + "|resident-b2|" + lastMonth.atDay(5) + "|900");
        assertThat(item(next, BookingSettlementFeed.key(county, busy, lastMonth) + ":released").path("result").asText())
                .as("its month's settlement paid it first").isEqualTo("NOTHING_TO_PAY");
        assertThat(nextAgain.path("created").asInt()).isZero();
        for (String visit : List.of(wholeA, shortA, shortB, nextB)) {
            assertThat(FundProbe.number("select count(*) from funds.settlement_item where county = ?1 and item_ref = ?2", county,
                    visit)).as(visit).isEqualTo(1);
        }
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aReleaseStorm_thenRacingRuns_makeOneDecision_andPayTheVisitOnce() {
        YearMonth earlier = lastMonth.minusMonths(1);
        fundedBudget(county, "SERVICE_SUBSIDY", lastMonth.getYear(), 100_000);
        String provider = SettlementFeeds.provider(county, "风暴服务社");
        String lone = SettlementFeeds.booking(county, provider, earlier.atDay(8), "COMPLETED", 1_200, "resident-storm", true);
        Door many = RetryingClient.around(new InProcessLambdaDoor(dispatcher));
        ApiRequest release = decide(lone, "release", "复核放行");

        List<ApiAnswer> releases = Concurrently.run(30, i -> many.send(i % 3 == 0 ? decide(lone, "release", "复核放行") : release));
        List<ApiAnswer> runs = Concurrently.run(12, i -> many.send(settleBookings(county, lastMonth)));

        for (ApiAnswer answer : releases) {
            assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
            if (answer.status() == 409) {
                assertThat(answer.code()).isEqualTo("VISIT_ALREADY_DECIDED");
            }
        }
        assertThat(releases.stream().filter(a -> a.status() == 200).map(ApiAnswer::body).distinct()).as("one first answer").hasSize(1);
        long created = runs.stream().peek(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200))
                .mapToLong(a -> a.json().path("created").asLong()).sum();
        assertThat(created).isEqualTo(1);
        assertThat(FundProbe.number("select count(*) from funds.visit_decision where county = ?1", county)).isEqualTo(1);
        assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1 and action = 'VISIT_RELEASED'",
                county)).isEqualTo(1);
        assertThat(FundProbe.number("select count(*) from funds.settlement_item where county = ?1 and item_ref = ?2", county,
                lone)).isEqualTo(1);
        assertThat(FundProbe.number("select coalesce(sum(amount_fen), 0) from funds.transfer where county = ?1 and cause_type = 'BOOKING'",
                county)).isEqualTo(1_200);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aRejectedShortVisit_isNeverPaid_andEachVisitIsDecidedOnce_byAnOfficer_withAReason() {
        fundedBudget(county, "SERVICE_SUBSIDY", lastMonth.getYear(), 100_000);
        String provider = SettlementFeeds.provider(county, "驳回服务社");
        String shortVisit = SettlementFeeds.booking(county, provider, lastMonth.atDay(3), "COMPLETED", 1_500, "resident-r", true);
        String whole = SettlementFeeds.booking(county, provider, lastMonth.atDay(4), "COMPLETED", 2_000, "resident-w", false);

        JsonNode rejected = expect(door.send(decide(shortVisit, "reject", "回访核实：服务未完成")), 200).json();
        ApiAnswer twice = door.send(decide(shortVisit, "release", "改为放行"));
        ApiAnswer notHeld = door.send(decide(whole, "release", "放行"));
        ApiAnswer unknown = door.send(decide(java.util.UUID.randomUUID().toString(), "release", "放行"));
        ApiAnswer noReason = door.send(decide(shortVisit, "release", " "));
        ApiAnswer approverTries = door.send(ApiRequest.post("/v1/held-visits/" + shortVisit + "/release", "{\"reason\":\"放行\"}")
                .bearer(approver(county)).idempotencyKey(key("release")));
        ApiAnswer otherCounty = door.send(ApiRequest.post("/v1/held-visits/" + shortVisit + "/release", "{\"reason\":\"放行\"}")
                .bearer(officer(FundFixtures.newCounty())).idempotencyKey(key("release")));
        JsonNode settled = item(expect(door.send(settleBookings(county, lastMonth)), 200).json(),
                BookingSettlementFeed.key(county, provider, lastMonth));

        assertThat(rejected.path("state").asText()).isEqualTo("REJECTED");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("VISIT_ALREADY_DECIDED");
        assertThat(notHeld.status()).isEqualTo(409);
        assertThat(notHeld.code()).isEqualTo("VISIT_NOT_HELD");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(approverTries.status()).isEqualTo(403);
        assertThat(otherCounty.status()).isEqualTo(404);
        assertThat(settled.path("amountFen").asLong()).isEqualTo(2_000);
        assertThat(FundProbe.number("select count(*) from funds.settlement_item where county = ?1 and item_ref = ?2", county,
                shortVisit)).isZero();
        assertThat(FundProbe.tryStatement("update funds.visit_decision set decision = 'RELEASED' where county = '" + county + "'"))
                .contains("insert-only");
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aRejectedSettlement_isSettledAgainByAnOfficersRun_underANewKeyNamingTheOldOne_once_butNeverByTheSchedule() {
        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 100_000);
        feeds.mealPoint(county, "mp-again", "重结助餐点", "重结餐饮");
        String order = feeds.served(county, "mp-again", yesterday, 600, "resident-again");
        String firstKey = MealSettlementFeed.key(county, "mp-again", yesterday);
        JsonNode first = item(expect(door.send(settleMeals(county, yesterday)), 200).json(), firstKey);
        expect(door.send(FundFixtures.step(county, first.path("transferId").asText(), "reject", approver(county),
                "{\"reason\":\"票据不全\"}")), 200);
        assertThat(FundProbe.column("select coalesce(r.outcome, 'PENDING') from funds.transfer t left join funds.transfer_resolution r"
                + " on r.transfer_id = t.id where t.county = ?1 and t.client_key = ?2", county, firstKey)).containsExactly("REJECTED");

        ApiAnswer job = door.invoke(FundRoutes.SETTLE_MEALS_DAILY.event(List.of(county)));
        JsonNode again = item(expect(door.send(settleMeals(county, yesterday)), 200).json(), firstKey + ":r2");
        JsonNode twice = expect(door.send(settleMeals(county, yesterday)), 200).json();

        assertThat(jobAnswer(job).path("runs").get(0).path("created").asInt()).as("the schedule leaves a rejection be").isZero();
        assertThat(again.path("result").asText()).isEqualTo("CREATED");
        assertThat(again.path("supersedes").asText()).isEqualTo(firstKey);
        assertThat(again.path("amountFen").asLong()).isEqualTo(600);
        assertThat(twice.path("created").asInt()).isZero();
        assertThat(item(twice, firstKey + ":r2").path("result").asText()).isEqualTo("ALREADY_SETTLED");
        JsonNode trace = trace(again.path("transferId").asText()).path("settlement");
        assertThat(trace.path("supersedes").asText()).isEqualTo(firstKey);
        assertThat(lines(trace)).containsExactly(order + "|resident-again|" + yesterday + "|600");
        assertThat(FundFixtures.transfer(door, county, again.path("transferId").asText()).path("causeRef").asText())
                .isEqualTo(firstKey + ":r2");
        assertThat(FundProbe.number("select count(*) from funds.settlement where county = ?1", county)).isEqualTo(2);
        assertThat(expect(door.send(approve(county, again.path("transferId").asText())), 200).json().path("status").asText())
                .isEqualTo("POSTED");
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void concurrentRuns_ofMealsAndBookings_fromManyClients_payEachKeyOnce_withoutAServerError() {
        String meals = fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 1_000_000);
        String services = fundedBudget(county, "SERVICE_SUBSIDY", lastMonth.getYear(), 1_000_000);
        Map<String, Long> expected = new HashMap<>();
        for (int p = 0; p < 6; p++) {
            servedMeals(county, "mp-" + p, "助餐点 " + p, "运营方 " + p, yesterday, 300 + p, 200);
            expected.put(MealSettlementFeed.key(county, "mp-" + p, yesterday), 500L + p);
        }
        for (int p = 0; p < 4; p++) {
            String provider = SettlementFeeds.provider(county, "服务机构 " + p);
            SettlementFeeds.booking(county, provider, lastMonth.atDay(10), "COMPLETED", 1_000 + p);
            expected.put(BookingSettlementFeed.key(county, provider, lastMonth), 1_000L + p);
        }
        Door many = RetryingClient.around(new InProcessLambdaDoor(dispatcher));

        List<ApiAnswer> answers = Concurrently.run(24, i -> many.send(i % 2 == 0
                ? settleMeals(county, yesterday) : settleBookings(county, lastMonth)));

        Map<String, Integer> created = new HashMap<>();
        for (ApiAnswer answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            for (JsonNode item : answer.json().path("items")) {
                assertThat(item.path("result").asText()).as(item.toString()).isIn("CREATED", "ALREADY_SETTLED");
                if (item.path("result").asText().equals("CREATED")) {
                    created.merge(item.path("settlementKey").asText(), 1, Integer::sum);
                }
            }
        }
        assertThat(created).as("created exactly once each").hasSize(expected.size()).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        expected.forEach((settlementKey, amount) -> {
            assertThat(FundProbe.number("select count(*) from funds.transfer where county = ?1 and cause_ref = ?2",
                    county, settlementKey)).as(settlementKey).isEqualTo(1);
            assertThat(FundProbe.number("select coalesce(sum(amount_fen), 0) from funds.transfer where county = ?1 and client_key = ?2",
                    county, settlementKey)).as(settlementKey).isEqualTo(amount);
        });
        long mealFen = expected.entrySet().stream().filter(e -> e.getKey().startsWith("meal:")).mapToLong(Map.Entry::getValue).sum();
        long bookingFen = expected.entrySet().stream().filter(e -> e.getKey().startsWith("booking:")).mapToLong(Map.Entry::getValue).sum();
        assertThat(FundFixtures.account(door, county, meals).path("debitsPending").asLong()).isEqualTo(mealFen);
        assertThat(FundFixtures.account(door, county, services).path("debitsPending").asLong()).isEqualTo(bookingFen);
        JsonNode again = expect(door.send(settleMeals(county, yesterday)), 200).json();
        assertThat(again.path("alreadySettled").asInt()).isEqualTo(6);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void anItemTheBudgetCannotCover_isReportedRefused_withNothingHalfWritten_whileTheOthersAreSettled() {
        String budget = fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 1_000);
        servedMeals(county, "mp-a", "甲助餐点", "甲餐饮", yesterday, 300, 300);
        servedMeals(county, "mp-b", "乙助餐点", "乙餐饮", yesterday, 400, 300);
        servedMeals(county, "mp-c", "丙助餐点", "丙餐饮", yesterday, 200);
        String refusedKey = MealSettlementFeed.key(county, "mp-b", yesterday);
        long auditBefore = FundProbe.number("select count(*) from funds.audit_entry where county = ?1", county);

        JsonNode run = expect(door.send(settleMeals(county, yesterday)), 200).json();

        assertThat(run.path("created").asInt()).isEqualTo(2);
        assertThat(run.path("refused").asInt()).isEqualTo(1);
        JsonNode refused = item(run, refusedKey);
        assertThat(refused.path("result").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(refused.path("userMessage").asText()).contains("余额不足");
        assertThat(refused.hasNonNull("transferId")).isFalse();
        assertThat(FundProbe.number("select count(*) from funds.settlement where county = ?1 and settlement_key = ?2", county, refusedKey))
                .isZero();
        assertThat(FundProbe.number("select count(*) from funds.transfer where county = ?1 and client_key = ?2", county, refusedKey))
                .isZero();
        assertThat(FundProbe.number("select count(*) from funds.account where county = ?1 and payee_ref = 'mp-b'", county)).isZero();
        assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1 and payload like ?2", county,
                "%mp-b%")).isZero();
        // Two items made: each an account opening, a transfer and a settlement entry.
        assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1", county)).isEqualTo(auditBefore + 6);
        assertThat(FundFixtures.account(door, county, budget).path("available").asLong()).isEqualTo(1_000 - 600 - 200);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();

        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 1_000);
        JsonNode rerun = expect(door.send(settleMeals(county, yesterday)), 200).json();
        assertThat(item(rerun, refusedKey).path("result").asText()).isEqualTo("CREATED");
        assertThat(rerun.path("alreadySettled").asInt()).isEqualTo(2);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aRunPastItsItemLimit_defersTheRest_andTheNextRunSettlesThem() {
        int points = SettlementService.ITEMS_PER_RUN_MAX + 3;
        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 1_000_000);
        for (int p = 0; p < points; p++) {
            servedMeals(county, "mp-%03d".formatted(p), "助餐点 " + p, "运营方 " + p, yesterday, 100);
        }

        JsonNode first = expect(door.send(settleMeals(county, yesterday)), 200).json();
        JsonNode second = expect(door.send(settleMeals(county, yesterday)), 200).json();

        assertThat(first.path("created").asInt()).isEqualTo(SettlementService.ITEMS_PER_RUN_MAX);
        assertThat(first.path("deferred").asInt()).isEqualTo(3);
        assertThat(second.path("created").asInt()).isEqualTo(3);
        assertThat(second.path("alreadySettled").asInt()).isEqualTo(SettlementService.ITEMS_PER_RUN_MAX);
        assertThat(FundProbe.number("select count(*) from funds.settlement where county = ?1", county)).isEqualTo(points);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void theScheduledJobs_throughTheLambdaDoor_settleYesterdaysMealsAndLastMonthsBookings_asThePlatform_countyByCounty() {
        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 10_000);
        fundedBudget(county, "SERVICE_SUBSIDY", lastMonth.getYear(), 10_000);
        servedMeals(county, "mp-job", "夜间任务助餐点", "任务餐饮", yesterday, 600);
        String provider = SettlementFeeds.provider(county, "任务服务社");
        SettlementFeeds.booking(county, provider, lastMonth.atDay(2), "COMPLETED", 2_500);

        String linelessCounty = FundFixtures.newCounty();
        ApiAnswer mealJob = door.invoke(FundRoutes.SETTLE_MEALS_DAILY.event(List.of(county, linelessCounty)));
        ApiAnswer bookingJob = door.invoke(FundRoutes.SETTLE_BOOKINGS_MONTHLY.event(List.of(county)));
        ApiAnswer mealJobAgain = door.invoke(FundRoutes.SETTLE_MEALS_DAILY.event(List.of(county)));

        JsonNode meals = jobAnswer(mealJob);
        JsonNode lineless = mealJob.json().path("runs").get(1);
        assertThat(lineless.path("county").asText()).isEqualTo(linelessCounty);
        assertThat(lineless.path("status").asInt()).as("one county's refusal leaves the others settled").isEqualTo(409);
        assertThat(lineless.path("answer").asText()).isEqualTo("SETTLEMENT_FUND_LINE_MISSING");
        assertThat(meals.path("runs")).hasSize(7);
        assertThat(meals.path("runs").get(0).path("period").asText()).isEqualTo(yesterday.toString());
        assertThat(meals.path("runs").get(0).path("created").asInt()).isEqualTo(1);
        JsonNode bookings = jobAnswer(bookingJob);
        assertThat(bookings.path("runs").get(0).path("period").asText()).isEqualTo(lastMonth.toString());
        assertThat(bookings.path("runs").get(0).path("created").asInt()).isEqualTo(1);
        assertThat(jobAnswer(mealJobAgain).path("runs").get(0).path("alreadySettled").asInt()).isEqualTo(1);

        String mealTransfer = meals.path("runs").get(0).path("items").get(0).path("transferId").asText();
        assertThat(FundFixtures.transfer(door, county, mealTransfer).path("maker").asText()).isEqualTo("scheduler");
        JsonNode approved = expect(door.send(approve(county, mealTransfer)), 200).json();
        assertThat(approved.path("status").asText()).isEqualTo("POSTED");
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void anotherCounty_seesNoneOfThisCountysFeedsOrSettlements() {
        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 10_000);
        servedMeals(county, "mp-mine", "本县助餐点", "本县餐饮", yesterday, 700);
        SettlementFeeds.booking(county, SettlementFeeds.provider(county, "本县服务社"), lastMonth.atDay(4), "COMPLETED", 800);
        String transfer = item(expect(door.send(settleMeals(county, yesterday)), 200).json(),
                MealSettlementFeed.key(county, "mp-mine", yesterday)).path("transferId").asText();
        String other = FundFixtures.newCounty();
        FundFixtures.installLines(door, other);
        fundedBudget(other, "MEAL_SUBSIDY", yesterday.getYear(), 10_000);

        JsonNode theirMeals = expect(door.send(settleMeals(other, yesterday)), 200).json();
        JsonNode theirBookings = expect(door.send(settleBookings(other, lastMonth)), 200).json();
        JsonNode theirList = expect(door.send(ApiRequest.get("/v1/settlements").query("kind", "MEAL")
                .query("period", yesterday.toString()).bearer(auditor(other))), 200).json();
        ApiAnswer ourTransfer = door.send(ApiRequest.get("/v1/transfers/" + transfer).bearer(auditor(other)));

        assertThat(theirMeals.path("items")).isEmpty();
        assertThat(theirBookings.path("items")).isEmpty();
        assertThat(theirList.path("items")).isEmpty();
        assertThat(ourTransfer.status()).isEqualTo(404);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void settlementRows_refuseUpdateDeleteAndTruncate_evenFromTheApplicationsOwnConnection() {
        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 10_000);
        servedMeals(county, "mp-sealed", "封存助餐点", "封存餐饮", yesterday, 400);
        expect(door.send(settleMeals(county, yesterday)), 200);
        assertThat(FundProbe.number("select count(*) from funds.settlement where county = ?1", county)).isEqualTo(1);

        String update = FundProbe.tryStatement("update funds.settlement set units = units + 1 where county = '" + county + "'");
        String delete = FundProbe.tryStatement("delete from funds.settlement where county = '" + county + "'");
        String truncate = FundProbe.tryStatement("truncate funds.settlement");

        assertThat(update).contains("insert-only");
        assertThat(delete).contains("insert-only");
        assertThat(truncate).contains("insert-only");
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aSettlementsCountsAlteredInTheDatabase_areFoundByVerify() {
        fundedBudget(county, "MEAL_SUBSIDY", yesterday.getYear(), 10_000);
        servedMeals(county, "mp-counted", "计数助餐点", "计数餐饮", yesterday, 400, 400);
        String settlementKey = MealSettlementFeed.key(county, "mp-counted", yesterday);
        expect(door.send(settleMeals(county, yesterday)), 200);
        assertThat(FundFixtures.verify(door, county).path("settlementsChecked").asLong()).isEqualTo(1);

        FundProbe.tamper("update funds.settlement set units = units + 5 where county = ?1 and settlement_key = ?2",
                county, settlementKey);

        JsonNode verified = FundFixtures.verify(door, county);
        assertThat(verified.path("valid").asBoolean()).isFalse();
        assertThat(verified.path("firstBreak").path("kind").asText()).isEqualTo("SETTLEMENT_ALTERED");
        assertThat(verified.path("firstBreak").path("subjectId").asText()).isEqualTo(settlementKey);
    }

    @Test
    void badRunsAreRefusedWithAClear4xx_neverA500() {
        LocalDate today = CountyTime.today(MutableClock.INSTANCE);
        String officer = officer(county);
        Map<ApiRequest, String> cases = new java.util.LinkedHashMap<>();
        cases.put(run("/v1/settlements/meals", "{}", officer), "VALIDATION_FAILED");
        cases.put(run("/v1/settlements/meals", "{\"date\":\"2026-13-01\"}", officer), "VALIDATION_FAILED");
        cases.put(run("/v1/settlements/meals", "{\"date\":20261130}", officer), "VALIDATION_FAILED");
        cases.put(run("/v1/settlements/meals", "{\"date\":\"" + yesterday + "\",\"extra\":1}", officer), "VALIDATION_FAILED");
        cases.put(run("/v1/settlements/meals", "{\"date\":\"" + today + "\"}", officer), "SETTLEMENT_PERIOD_NOT_OVER");
        cases.put(run("/v1/settlements/meals", "{\"date\":\"" + today.plusDays(3) + "\"}", officer), "SETTLEMENT_PERIOD_NOT_OVER");
        cases.put(run("/v1/settlements/meals", "{\"date\":\"" + today.minusYears(3) + "\"}", officer), "VALIDATION_FAILED");
        cases.put(run("/v1/settlements/bookings", "{\"month\":\"2026-1\"}", officer), "VALIDATION_FAILED");
        cases.put(run("/v1/settlements/bookings", "{\"month\":\"" + YearMonth.from(today) + "\"}", officer),
                "SETTLEMENT_PERIOD_NOT_OVER");
        cases.put(run("/v1/settlements/meals", "{\"date\":\"" + yesterday + "\"}", approver(county)), "FORBIDDEN");
        cases.put(ApiRequest.post("/v1/settlements/meals", "{\"date\":\"" + yesterday + "\"}").bearer(officer),
                "IDEMPOTENCY_KEY_REQUIRED");
        cases.put(run("/v1/settlements/meals", "{\"date\":\"" + yesterday + "\"}",
                Tokens.of(FundFixtures.newCounty(), "officer-9", Role.OFFICER)), "SETTLEMENT_FUND_LINE_MISSING");
        cases.put(ApiRequest.get("/v1/settlements").query("kind", "BEDS").query("period", yesterday.toString())
                .bearer(auditor(county)), "VALIDATION_FAILED");
        cases.put(ApiRequest.get("/v1/settlements").query("kind", "MEAL").query("period", "yesterday")
                .bearer(auditor(county)), "VALIDATION_FAILED");

        cases.forEach((request, code) -> {
            ApiAnswer answer = door.send(request);
            assertThat(answer.status()).as(request + " → " + answer).isBetween(400, 499);
            assertThat(answer.code()).as(request + " → " + answer).isEqualTo(code);
        });
    }

    private ApiRequest heldVisits(YearMonth month) {
        return ApiRequest.get("/v1/held-visits").query("month", month.toString()).bearer(auditor(county));
    }

    private ApiRequest decide(String bookingId, String decision, String reason) {
        return ApiRequest.post("/v1/held-visits/" + bookingId + "/" + decision, "{\"reason\":\"" + reason + "\"}")
                .bearer(officer(county)).idempotencyKey(key(decision));
    }

    private JsonNode trace(String transferId) {
        return expect(door.send(ApiRequest.get("/v1/transfers/" + transferId + "/trace").bearer(auditor(county))), 200).json();
    }

    /** A settlement trace's meals or visits, each as "itemRef|residentId|date|amountFen". */
    private static List<String> lines(JsonNode settlementTrace) {
        List<String> lines = new java.util.ArrayList<>();
        settlementTrace.path("items").forEach(i -> lines.add(i.path("itemRef").asText() + "|" + i.path("residentId").asText() + "|"
                + i.path("date").asText() + "|" + i.path("amountFen").asLong()));
        return lines;
    }

    private static long sumOfItems(JsonNode settlementTrace) {
        long sum = 0;
        for (JsonNode i : settlementTrace.path("items")) {
            sum += i.path("amountFen").asLong();
        }
        return sum;
    }

    private ApiRequest run(String path, String body, String token) {
        return ApiRequest.post(path, body).bearer(token).idempotencyKey(key("settle"));
    }

    private ApiRequest settleMeals(String inCounty, LocalDate date) {
        return run("/v1/settlements/meals", "{\"date\":\"" + date + "\"}", officer(inCounty));
    }

    private ApiRequest settleBookings(String inCounty, YearMonth month) {
        return run("/v1/settlements/bookings", "{\"month\":\"" + month + "\"}", officer(inCounty));
    }

    private void servedMeals(String inCounty, String point, String name, String operator, LocalDate date, long... subsidiesFen) {
        feeds.mealPoint(inCounty, point, name, operator);
        for (long subsidy : subsidiesFen) {
            feeds.served(inCounty, point, date, subsidy);
        }
    }

    /** An approved appropriation of the fiscal year the settled period falls in; answers the budget account. */
    private String fundedBudget(String inCounty, String line, int fiscalYear, long amountFen) {
        String transfer = expect(door.send(ApiRequest.post("/v1/appropriations", """
                {"fundLine":"%s","fiscalYear":%d,"amountFen":%d}""".formatted(line, fiscalYear, amountFen))
                .bearer(officer(inCounty)).idempotencyKey(key("approp"))), 201).json().path("id").asText();
        expect(door.send(approve(inCounty, transfer)), 200);
        return FundFixtures.transfer(door, inCounty, transfer).path("creditAccountId").asText();
    }

    private static JsonNode item(JsonNode report, String settlementKey) {
        for (JsonNode item : report.path("items")) {
            if (item.path("settlementKey").asText().equals(settlementKey)) {
                return item;
            }
        }
        throw new AssertionError("no item " + settlementKey + " in " + report);
    }

    private static JsonNode jobAnswer(ApiAnswer job) {
        assertThat(job.status()).as(job.toString()).isEqualTo(200);
        JsonNode run = job.json().path("runs").get(0);
        assertThat(run.path("status").asInt()).as(run.toString()).isEqualTo(200);
        try {
            return cn.yiyang.kernel.json.StrictJson.mapper().readTree(run.path("answer").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
