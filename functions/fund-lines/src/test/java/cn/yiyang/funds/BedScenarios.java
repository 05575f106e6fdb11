package cn.yiyang.funds;

import static cn.yiyang.funds.BatchFixtures.admission;
import static cn.yiyang.funds.BatchFixtures.approveBatch;
import static cn.yiyang.funds.BatchFixtures.bed;
import static cn.yiyang.funds.BatchFixtures.createBatch;
import static cn.yiyang.funds.BatchFixtures.disabled;
import static cn.yiyang.funds.BatchFixtures.institution;
import static cn.yiyang.funds.BatchFixtures.lastMonth;
import static cn.yiyang.funds.BatchFixtures.stay;
import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.auditor;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static cn.yiyang.funds.FundFixtures.key;
import static cn.yiyang.funds.FundFixtures.officer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 一床一码: beds, admissions and discharges, and the month's operating subsidy, through every door. */
public abstract class BedScenarios {

    protected abstract Door door();

    /** An odd rate, so the half-fen of a +50 % day shows its rounding. */
    static final long RATE_FEN = 1_001;

    protected String county;
    private final YearMonth month = lastMonth();
    private final int length = month.lengthOfMonth();

    @BeforeEach
    void aCountyWithItsFundLinesAndItsBedRate() {
        county = FundFixtures.newCounty();
        FundFixtures.installLines(door(), county);
        expect(door().send(ApiRequest.of("PUT", "/v1/batch-policies/beds", """
                {"dailyRateFen":%d,"upliftPercent":{"none":0,"mild":50,"moderate":100,"severe":200}}""".formatted(RATE_FEN))
                .bearer(officer(county))), 200);
    }

    private LocalDate day(int d) {
        return month.atDay(d);
    }

    /** One stay: who (their card's disability level), which bed, from (counted) and until (not counted, null: still in). */
    record Stay(String institution, String bed, String level, LocalDate from, LocalDate until) {
    }

    static long fen(int days, int upliftPercent) {
        return (days * RATE_FEN * (100 + upliftPercent) + 50) / 100;
    }

    @Test
    void theMonthsBedSubsidy_paysEachInstitutionItsOccupiedBedDays_atTheRateForEachCareLevel() {
        String budget = fundedBudget(door(), county, "INSTITUTION_SUBSIDY", 4_000_000);
        Map<String, String> institutions = new HashMap<>();
        for (String ref : List.of("A", "B", "C")) {
            institutions.put(ref, institution(door(), county, "inst-" + ref));
        }
        Map<String, String> beds = new HashMap<>();
        for (String code : List.of("A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "B-1", "B-2", "C-1")) {
            beds.put(code, bed(door(), county, institutions.get(code.substring(0, 1)), county + "-" + code));
        }
        String severe = disabled(county, "SEVERE");
        List<Stay> stays = List.of(
                new Stay("A", "A-1", null, day(1).minusDays(11), null),             // in before the month, still in: every day
                new Stay("A", "A-2", "MILD", day(11), null),                         // mid-month admission: day 11 counts
                new Stay("A", "A-3", "MODERATE", day(1).minusDays(40), day(16)),     // mid-month discharge: day 16 does not count
                new Stay("A", "A-6", null, day(1).minusDays(3), day(10)),            // out on the 10th …
                new Stay("A", "A-6", null, day(10), null),                           // … and the bed taken the same day
                new Stay("B", "B-1", "SEVERE", day(1).minusDays(30), day(1)),        // discharged on the 1st: no day of the month
                new Stay("B", "B-2", "MILD", day(length), null));                    // the last day only
        for (Stay s : stays) {
            stay(door(), county, beds.get(s.bed()), disabled(county, s.level()), s.from(), s.until());
        }
        // a readmission: the severe resident in A-4 from the 5th to the 9th, and again from the 20th
        stay(door(), county, beds.get("A-4"), severe, day(5), day(9));
        stay(door(), county, beds.get("A-4"), severe, day(20), null);
        // A-5 and C-1: empty all month

        Object[][] expected = {
                // institution, bed-days, fen
                {"A", length + (length - 10) + 15 + 4 + (length - 19) + 9 + (length - 9),
                        fen(length, 0) + fen(length - 10, 50) + fen(15, 100) + fen(4, 200) + fen(length - 19, 200)
                                + fen(9, 0) + fen(length - 9, 0)},
                {"B", 1, 1_502L},
        };
        JsonNode draft = expect(door().send(createBatch(county, "BED", month)), 201).json();

        Map<String, JsonNode> byPayee = new HashMap<>();
        draft.path("items").forEach(item -> byPayee.put(item.path("payeeAccountId").asText(), item));
        assertThat(byPayee).as("an institution with every bed empty is not paid").hasSize(expected.length)
                .doesNotContainKey(institutions.get("C"));
        long total = 0;
        for (Object[] e : expected) {
            JsonNode item = byPayee.get(institutions.get((String) e[0]));
            assertThat(item).as("institution " + e[0]).isNotNull();
            assertThat(item.path("bedDays").asInt()).as("bed-days of " + e[0]).isEqualTo(e[1]);
            assertThat(item.path("amountFen").asLong()).as("fen of " + e[0]).isEqualTo(e[2]);
            total += (long) e[2];
        }
        JsonNode a = byPayee.get(institutions.get("A"));
        List<String> lines = new ArrayList<>();
        a.path("beds").forEach(l -> lines.add(l.path("bedCode").asText().substring(county.length() + 1) + ":" + l.path("careLevel").asText()
                + ":" + l.path("days").asInt()));
        assertThat(lines).containsExactlyInAnyOrder("A-1:NONE:" + length, "A-2:MILD:" + (length - 10), "A-3:MODERATE:15",
                "A-4:SEVERE:4", "A-4:SEVERE:" + (length - 19), "A-6:NONE:9", "A-6:NONE:" + (length - 9));
        assertThat(a.path("beds").findValuesAsText("residentId")).contains(severe);

        JsonNode posted = expect(door().send(approveBatch(county, draft.path("batch").path("id").asText(), approver(county))), 200).json();

        assertThat(posted.path("batch").path("status").asText()).as(posted.path("batch").toString()).isEqualTo("POSTED");
        assertThat(FundFixtures.account(door(), county, institutions.get("B")).path("creditsPosted").asLong()).isEqualTo(1_502);
        assertThat(FundFixtures.account(door(), county, budget).path("debitsPosted").asLong()).isEqualTo(total);
        String transfer = byPayeeAfter(posted, institutions.get("A")).path("transferId").asText();
        JsonNode trace = expect(door().send(ApiRequest.get("/v1/transfers/" + transfer + "/trace").bearer(auditor(county))), 200).json();
        assertThat(trace.path("causeType").asText()).isEqualTo("BED");
        assertThat(trace.path("causeRef").asText()).isEqualTo("beds:" + month + ":" + institutions.get("A"));
        assertThat(trace.path("to").path("payeeRef").asText()).isEqualTo("inst-A");
        assertThat(trace.path("batchItem").path("kind").asText()).isEqualTo("BED");
        assertThat(trace.path("batchItem").path("month").asText()).isEqualTo(month.toString());
        assertThat(trace.path("batchItem").path("beds")).as("the trace reaches every bed paid for").hasSize(7);
        assertThat(trace.path("batchItem").path("beds").findValuesAsText("bedCode")).contains(county + "-A-4");
        assertThat(trace.path("batchItem").path("beds").findValuesAsText("residentId")).contains(severe);
        assertThat(FundFixtures.verify(door(), county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void onceTheMonthIsBatched_itsOccupanciesCannotChange() {
        fundedBudget(door(), county, "INSTITUTION_SUBSIDY", 4_000_000);
        String home = institution(door(), county, "inst-1");
        String bed = bed(door(), county, home, county + "-X-1");
        String occupancy = stay(door(), county, bed, disabled(county, null), month.atDay(3), null);
        expect(door().send(createBatch(county, "BED", month)), 201);

        ApiAnswer discharge = door().send(BatchFixtures.discharge(county, occupancy, month.atDay(20)));
        ApiAnswer backdated = door().send(admission(county, bed(door(), county, home, county + "-X-2"), disabled(county, null), month.atDay(25)));
        ApiAnswer again = door().send(createBatch(county, "BED", month));

        assertThat(discharge.status()).isEqualTo(409);
        assertThat(discharge.code()).isEqualTo("MONTH_ALREADY_BATCHED");
        assertThat(backdated.code()).isEqualTo("MONTH_ALREADY_BATCHED");
        assertThat(again.status()).as("the same month again: the one batch").isEqualTo(200);
    }

    @Test
    void aSecondResidentInAnOccupiedBed_orAResidentInASecondBed_isRefusedWith409() {
        String home = institution(door(), county, "inst-1");
        String bed1 = bed(door(), county, home, county + "-D-1");
        String bed2 = bed(door(), county, home, county + "-D-2");
        String first = disabled(county, null);
        String second = disabled(county, null);
        LocalDate today = LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE);
        String occupancy = stay(door(), county, bed1, first, today.minusDays(30), null);

        ApiAnswer sameBed = door().send(admission(county, bed1, second, today.minusDays(2)));
        ApiAnswer otherBed = door().send(admission(county, bed2, first, today.minusDays(1)));
        ApiAnswer before = door().send(admission(county, bed1, second, today.minusDays(40)));

        assertThat(sameBed.status()).isEqualTo(409);
        assertThat(sameBed.code()).isEqualTo("BED_OCCUPIED");
        assertThat(sameBed.json().path("userMessage").asText()).contains("已经有老人入住");
        assertThat(otherBed.status()).isEqualTo(409);
        assertThat(otherBed.code()).isEqualTo("RESIDENT_ALREADY_IN_BED");
        assertThat(before.code()).as("an open-ended stay overlaps any later one").isEqualTo("BED_OCCUPIED");

        expect(door().send(BatchFixtures.discharge(county, occupancy, today.minusDays(5))), 200);
        expect(door().send(admission(county, bed1, second, today.minusDays(5))), 201);
        expect(door().send(admission(county, bed2, first, today.minusDays(4))), 201);
        JsonNode view = expect(door().send(ApiRequest.get("/v1/beds/" + bed1).bearer(auditor(county))), 200).json();
        assertThat(view.path("occupancies")).hasSize(2);
        assertThat(view.path("occupancies").get(0).path("residentId").asText()).isEqualTo(second);
        assertThat(view.path("occupancies").get(1).path("dischargedOn").asText()).isEqualTo(today.minusDays(5).toString());
    }

    @Test
    void badBedRequests_areRefusedWithTheirCode() {
        String home = institution(door(), county, "inst-1");
        String provider = FundFixtures.payee(door(), county, "SERVICE_SUBSIDY", "PROVIDER", "p-1");
        String bed = bed(door(), county, home, county + "-E-1");
        String resident = disabled(county, "MILD");
        String inactive = BatchFixtures.resident(county, LocalDate.of(1940, 1, 1), "DECEASED", null);
        LocalDate today = LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE);
        String occupancy = stay(door(), county, bed, resident, today.minusDays(3), null);
        String bedBody = "{\"institutionAccountId\":\"%s\",\"code\":\"%s\",\"bedType\":\"%s\",\"careLevel\":\"%s\"}";
        Object[][] beds = {
                {bedBody.formatted(home, "bad code", "NURSING", "MILD"), 400, "VALIDATION_FAILED"},
                {bedBody.formatted(home, county + "-E-2", "SOFA", "MILD"), 400, "VALIDATION_FAILED"},
                {bedBody.formatted(home, county + "-E-2", "NURSING", "EXTREME"), 400, "VALIDATION_FAILED"},
                {"{\"code\":\"E-3\",\"bedType\":\"NURSING\",\"careLevel\":\"MILD\"}", 400, "VALIDATION_FAILED"},
                {bedBody.formatted("not-a-uuid", county + "-E-2", "NURSING", "MILD"), 400, "VALIDATION_FAILED"},
                {bedBody.formatted(provider, county + "-E-2", "NURSING", "MILD"), 422, "NOT_AN_INSTITUTION"},
                {bedBody.formatted(java.util.UUID.randomUUID(), county + "-E-2", "NURSING", "MILD"), 404, "NOT_FOUND"},
                {bedBody.formatted(home, county + "-E-1", "NURSING", "MILD"), 409, "BED_CODE_EXISTS"},
        };
        for (Object[] c : beds) {
            ApiAnswer answer = door().send(ApiRequest.post("/v1/beds", (String) c[0]).bearer(officer(county)).idempotencyKey(key("bad")));
            assertThat(answer.status()).as(c[0] + " → " + answer.body()).isEqualTo(c[1]);
            assertThat(answer.code()).as((String) c[0]).isEqualTo(c[2]);
            assertThat(answer.json().path("userMessage").asText()).isNotBlank();
        }
        String other = bed(door(), county, home, county + "-E-9");
        Object[][] stays = {
                {admission(county, other, resident, today.plusDays(1)), 400, "VALIDATION_FAILED"},
                {admission(county, other, resident, today.minusDays(400)), 400, "VALIDATION_FAILED"},
                {ApiRequest.post("/v1/beds/" + other + "/admissions", "{\"residentId\":\"" + resident + "\",\"admittedOn\":\"2026-02-30\"}")
                        .bearer(officer(county)).idempotencyKey(key("bad")), 400, "VALIDATION_FAILED"},
                {ApiRequest.post("/v1/beds/" + other + "/admissions", "{\"admittedOn\":\"" + today + "\"}")
                        .bearer(officer(county)).idempotencyKey(key("bad")), 400, "VALIDATION_FAILED"},
                {admission(county, other, java.util.UUID.randomUUID().toString(), today), 404, "NOT_FOUND"},
                {admission(county, other, inactive, today), 422, "BED_RESIDENT_INACTIVE"},
                {admission(county, java.util.UUID.randomUUID().toString(), resident, today), 404, "NOT_FOUND"},
                {BatchFixtures.discharge(county, occupancy, today.minusDays(3)), 422, "DISCHARGE_NOT_AFTER_ADMISSION"},
                {BatchFixtures.discharge(county, occupancy, today.plusDays(1)), 400, "VALIDATION_FAILED"},
                {BatchFixtures.discharge(county, java.util.UUID.randomUUID().toString(), today), 404, "NOT_FOUND"},
        };
        for (Object[] c : stays) {
            ApiAnswer answer = door().send((ApiRequest) c[0]);
            assertThat(answer.status()).as(c[0] + " → " + answer.body()).isEqualTo(c[1]);
            assertThat(answer.code()).as(c[0].toString()).isEqualTo(c[2]);
        }
        expect(door().send(BatchFixtures.discharge(county, occupancy, today)), 200);
        assertThat(door().send(BatchFixtures.discharge(county, occupancy, today)).code()).isEqualTo("ALREADY_DISCHARGED");
        Object[] policies = {
                "{\"dailyRateFen\":0,\"upliftPercent\":{\"none\":0,\"mild\":50,\"moderate\":100,\"severe\":200}}",
                "{\"dailyRateFen\":1000,\"upliftPercent\":{\"none\":0,\"mild\":50,\"moderate\":100,\"severe\":900}}",
                "{\"dailyRateFen\":1000}",
        };
        for (Object p : policies) {
            assertThat(door().send(ApiRequest.of("PUT", "/v1/batch-policies/beds", (String) p).bearer(officer(county))).status())
                    .as((String) p).isEqualTo(400);
        }
    }

    @Test
    void anotherCountysBed_isNotFound() {
        String home = institution(door(), county, "inst-1");
        String bed = bed(door(), county, home, county + "-F-1");
        String stranger = FundFixtures.newCounty();
        String theirResident = disabled(stranger, null);

        assertThat(door().send(ApiRequest.get("/v1/beds/" + bed).bearer(auditor(stranger))).status()).isEqualTo(404);
        assertThat(door().send(admission(stranger, bed, theirResident, LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE))).status())
                .isEqualTo(404);
        assertThat(door().send(ApiRequest.get("/v1/beds").bearer(auditor(stranger))).json().path("items")).isEmpty();
        assertThat(door().send(BatchFixtures.registerBed(stranger, home, stranger + "-F-2")).status()).isEqualTo(404);
        assertThat(door().send(ApiRequest.get("/v1/beds").query("institutionAccountId", home).bearer(auditor(county))).json()
                .path("items")).hasSize(1);
    }

    private static JsonNode byPayeeAfter(JsonNode report, String payee) {
        for (JsonNode item : report.path("items")) {
            if (item.path("payeeAccountId").asText().equals(payee)) {
                return item;
            }
        }
        throw new AssertionError("no item for " + payee);
    }
}
