package cn.yiyang.funds;

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

import cn.yiyang.kernel.identity.Masks;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 岗位津贴: care-home caregivers, their bed assignments, and the month's CAREGIVER_POST batch, through every door.
 * The amounts are computed here day by day from the rows the scenario wrote (assignments, stays, certificates,
 * rate versions), not by the SQL that plans the batch.
 */
public abstract class CaregiverScenarios {

    protected abstract Door door();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEVELS = List.of("JUNIOR", "INTERMEDIATE", "SENIOR", "TECHNICIAN");

    protected String county;
    private final YearMonth month = lastMonth();
    private final List<Rate> rates = new ArrayList<>();

    /** A rate version as PUT: in force from {@code from}, fen a bed-day per level in {@link #LEVELS} order. */
    record Rate(LocalDate from, long[] fen) {
    }

    /** A caregiver as registered, a stay as admitted, an assignment as made (until: not counted, null: open). */
    record Caregiver(String id, String level, LocalDate certificateFrom, LocalDate certificateUntil) {
    }

    record Period(String bed, LocalDate from, LocalDate until) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    @BeforeEach
    void aCountyWithItsFundLinesAndTwoRateVersions_theSecondFromTheSixteenth() {
        county = FundFixtures.newCounty();
        FundFixtures.installLines(door(), county);
        putRate(new Rate(month.atDay(1).minusMonths(3), new long[] {201, 303, 405, 507}));
        putRate(new Rate(month.atDay(16), new long[] {211, 313, 611, 517}));
    }

    private LocalDate day(int d) {
        return month.atDay(d);
    }

    @Test
    void theMonthsPostAllowance_paysEachCaregiverTheOccupiedBedDaysOfAValidCertificate_atTheRateOfEachDay() {
        String budget = fundedBudget(door(), county, "INSTITUTION_SUBSIDY", 4_000_000);
        String home = institution(door(), county, "inst-care");
        Map<String, String> beds = new HashMap<>();
        for (String code : List.of("A1", "A2", "A3", "B1", "C1")) {
            beds.put(code, bed(door(), county, home, county + "-" + code));
        }
        List<Period> stays = List.of(
                new Period("A1", day(1).minusDays(20), null),          // occupied all month
                new Period("A2", day(1).minusDays(5), day(17)),        // empty from the 17th: half the month
                new Period("A3", day(1).minusDays(30), null),
                new Period("B1", day(1).minusDays(30), null));         // C1 stays empty
        stays.forEach(s -> stay(door(), county, beds.get(s.bed()), disabled(county, null), s.from(), s.until()));

        Caregiver senior = register("SENIOR", day(1).minusYears(1), day(1).plusYears(4));
        Caregiver intermediate = register("INTERMEDIATE", day(1).minusYears(4), day(10));   // expires on the 10th
        Caregiver junior = register("JUNIOR", day(1).minusYears(1), day(1).plusYears(4));
        Map<Caregiver, List<Period>> assigned = Map.of(
                senior, List.of(new Period("A1", day(1).minusDays(10), null),               // two beds at once …
                        new Period("A2", day(3), null),                                     // … and a third from the 3rd
                        new Period("A3", day(1).minusDays(10), day(5))),                    // ended on the 5th
                intermediate, List.of(new Period("B1", day(1).minusDays(10), null)),
                junior, List.of(new Period("C1", day(1).minusDays(10), null)));
        assigned.forEach((c, periods) -> periods.forEach(p -> assign(c.id(), beds.get(p.bed()), p.from(), p.until())));

        Map<String, long[]> expected = new HashMap<>();   // caregiver → {bed-days, fen}
        assigned.forEach((c, periods) -> {
            long[] sum = new long[2];
            for (Period p : periods) {
                for (LocalDate d = day(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                    LocalDate on = d;
                    boolean occupied = stays.stream().anyMatch(s -> s.bed().equals(p.bed()) && s.covers(on));
                    boolean valid = !d.isBefore(c.certificateFrom()) && !d.isAfter(c.certificateUntil());
                    if (p.covers(d) && occupied && valid) {
                        sum[0]++;
                        sum[1] += rateOn(d, c.level());
                    }
                }
            }
            if (sum[0] > 0) {
                expected.put(c.id(), sum);
            }
        });
        assertThat(expected).as("the case: the junior's bed is empty").doesNotContainKey(junior.id()).hasSize(2);

        JsonNode draft = expect(door().send(createBatch(county, "CAREGIVER_POST", month)), 201).json();

        Map<String, JsonNode> byCaregiver = new HashMap<>();
        draft.path("items").forEach(item -> byCaregiver.put(item.path("posts").get(0).path("caregiverId").asText(), item));
        assertThat(byCaregiver.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        long total = 0;
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            JsonNode item = byCaregiver.get(e.getKey());
            assertThat(item.path("bedDays").asLong()).as("bed-days of " + e.getKey()).isEqualTo(e.getValue()[0]);
            assertThat(item.path("amountFen").asLong()).as("fen of " + e.getKey()).isEqualTo(e.getValue()[1]);
            total += e.getValue()[1];
        }
        JsonNode seniorItem = byCaregiver.get(senior.id());
        List<String> lines = new ArrayList<>();
        seniorItem.path("posts").forEach(l -> lines.add(l.path("bedCode").asText().substring(county.length() + 1) + ":v"
                + l.path("rateVersion").asInt() + ":" + l.path("days").asInt() + "x" + l.path("dailyRateFen").asLong()));
        // A1: 1-15 at v1, 16-end at v2; A2: 3-15 at v1, the 16th at v2 (empty from the 17th); A3: 1-4 at v1
        assertThat(lines).containsExactlyInAnyOrder("A1:v1:15x405", "A1:v2:" + (month.lengthOfMonth() - 15) + "x611",
                "A2:v1:13x405", "A2:v2:1x611", "A3:v1:4x405");
        assertThat(byCaregiver.get(intermediate.id()).path("bedDays").asInt()).as("until the certificate expired").isEqualTo(10);
        assertThat(draft.path("batch").path("totalFen").asLong()).isEqualTo(total);
        assertThat(draft.path("breakdowns").path("byPolicyLine").findValuesAsText("key")).containsExactly("INTERMEDIATE", "SENIOR");

        String batch = draft.path("batch").path("id").asText();
        JsonNode posted = expect(door().send(approveBatch(county, batch, approver(county))), 200).json();

        assertThat(posted.path("batch").path("status").asText()).as(posted.path("batch").toString()).isEqualTo("POSTED");
        assertThat(FundFixtures.account(door(), county, budget).path("debitsPosted").asLong()).isEqualTo(total);
        String transfer = itemOf(posted, senior.id()).path("transferId").asText();
        JsonNode trace = expect(door().send(ApiRequest.get("/v1/transfers/" + transfer + "/trace").bearer(auditor(county))), 200).json();
        assertThat(trace.path("causeType").asText()).isEqualTo("CAREGIVER_POST");
        assertThat(trace.path("to").path("payeeRef").asText()).as("the payee is the caregiver").isEqualTo(senior.id());
        assertThat(trace.path("batchItem").path("posts")).as("the trace reaches every bed paid for").hasSize(5);
        assertThat(trace.path("batchItem").path("posts").findValuesAsText("bedCode")).contains(county + "-A2");

        long transfers = FundFixtures.account(door(), county, budget).path("debitsPosted").asLong();
        ApiAnswer again = expect(door().send(createBatch(county, "CAREGIVER_POST", month)), 200);
        assertThat(again.json().path("batch").path("id").asText()).as("the same month again: the one batch").isEqualTo(batch);
        assertThat(FundFixtures.account(door(), county, budget).path("debitsPosted").asLong()).as("paid once").isEqualTo(transfers);
        ApiAnswer lateEnd = door().send(endAssignment(assignmentOf(senior.id(), county + "-A1"), day(20)));
        assertThat(lateEnd.code()).as("a paid month's assignments never change").isEqualTo("MONTH_ALREADY_BATCHED");
        ApiAnswer backDated = door().send(ApiRequest.of("PUT", "/v1/batch-policies/caregiver-posts",
                "{\"effectiveFrom\":\"%s\",\"ratesFen\":{\"junior\":1,\"intermediate\":1,\"senior\":1,\"technician\":1}}"
                        .formatted(day(20))).bearer(officer(county)));
        assertThat(backDated.code()).as("a rate from inside a paid month would say it was paid at another rate")
                .isEqualTo("MONTH_ALREADY_BATCHED");
        JsonNode inForce = expect(door().send(ApiRequest.get("/v1/batch-policies/caregiver-posts").bearer(officer(county))), 200)
                .json();
        assertThat(inForce.path("version").asInt()).as("no version added").isEqualTo(rates.size());
        putRate(new Rate(month.plusMonths(1).atDay(1), new long[] {221, 323, 621, 527}));
        assertThat(FundFixtures.verify(door(), county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aSecondCaregiverOnAnAssignedBed_isRefused409_untilTheFirstAssignmentEnds() {
        String home = institution(door(), county, "inst-care");
        String bed = bed(door(), county, home, county + "-D1");
        LocalDate today = LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE);
        Caregiver first = register("TECHNICIAN", today.minusYears(1), today.plusYears(1));
        Caregiver second = register("JUNIOR", today.minusYears(1), today.plusYears(1));
        String assignment = assign(first.id(), bed, today.minusDays(30), null);

        ApiAnswer overlap = door().send(assignment(second.id(), bed, today.minusDays(2), null));
        ApiAnswer before = door().send(assignment(second.id(), bed, today.minusDays(40), null));
        ApiAnswer endBeforeStart = door().send(endAssignment(assignment, today.minusDays(31)));

        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.code()).isEqualTo("BED_HAS_CAREGIVER");
        assertThat(overlap.json().path("userMessage").asText()).contains("已经安排了别的护理员");
        assertThat(before.code()).as("an open-ended assignment overlaps any later one").isEqualTo("BED_HAS_CAREGIVER");
        assertThat(endBeforeStart.status()).isEqualTo(422);
        assertThat(endBeforeStart.code()).isEqualTo("ASSIGNMENT_END_NOT_AFTER_START");

        expect(door().send(endAssignment(assignment, today.minusDays(5))), 200);
        ApiAnswer twice = door().send(endAssignment(assignment, today.minusDays(4)));
        expect(door().send(assignment(second.id(), bed, today.minusDays(5), null)), 201);
        assertThat(twice.code()).isEqualTo("ASSIGNMENT_ALREADY_ENDED");
        assign(first.id(), bed(door(), county, home, county + "-D2"), today.minusDays(5), null);
        JsonNode ofBed = expect(door().send(ApiRequest.get("/v1/beds/" + bed + "/caregiver-assignments").bearer(auditor(county))),
                200).json();
        assertThat(ofBed.path("items").findValuesAsText("caregiverId")).containsExactly(second.id(), first.id());
        assertThat(ofBed.path("items").get(1).path("until").asText()).isEqualTo(today.minusDays(5).toString());
        JsonNode ofFirst = expect(door().send(ApiRequest.get("/v1/care-home-caregivers/" + first.id() + "/assignments")
                .bearer(auditor(county))), 200).json();
        assertThat(ofFirst.path("items")).as("a caregiver cares for several beds").hasSize(2);
    }

    @Test
    void aCaregiversIdNumberAndPhone_areAnsweredMasked_andBadRegistrationsAreRefusedByField() throws Exception {
        String idNumber = TestPeople.idNumber();
        String phone = TestPeople.phone();
        LocalDate today = LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE);
        ApiAnswer registered = expect(door().send(registration(idNumber, phone, "SENIOR", today.minusYears(1), today.plusYears(4))), 201);
        String id = registered.json().path("id").asText();
        ApiAnswer duplicate = door().send(registration(idNumber, TestPeople.phone(), "JUNIOR", today.minusYears(1), today.plusYears(1)));
        ApiAnswer bad = door().send(ApiRequest.post("/v1/care-home-caregivers", """
                {"name":"","idNumber":"330105194002291234","phone":"1380013","certificateLevel":"MASTER",
                 "certificateNumber":"no spaces!","certificateFrom":"2026-02-30","certificateUntil":"2025-01-01"}""")
                .bearer(officer(county)).idempotencyKey(key("caregiver")));
        ApiAnswer asApprover = door().send(ApiRequest.get("/v1/care-home-caregivers/" + id).bearer(approver(county)));
        ApiAnswer otherCounty = door().send(ApiRequest.get("/v1/care-home-caregivers/" + id).bearer(auditor(FundFixtures.newCounty())));
        String account = "6222020000000001234";
        expect(door().send(ApiRequest.of("PUT", "/v1/care-home-caregivers/" + id + "/payout-account", """
                {"kind":"BANK_CARD","bankCode":"ICBC","accountNumber":"%s","holderName":"李护理","reason":"登记"}""".formatted(account))
                .bearer(officer(county))), 200);

        List<String> answers = new ArrayList<>(List.of(registered.body()));
        for (String path : List.of("/v1/care-home-caregivers/" + id, "/v1/care-home-caregivers", "/v1/care-home-caregivers/" + id
                + "/payout-account")) {
            answers.add(expect(door().send(ApiRequest.get(path).bearer(auditor(county))), 200).body());
        }
        for (String answer : answers) {
            assertThat(answer).doesNotContain(idNumber).doesNotContain(phone).doesNotContain(account);
        }
        JsonNode view = registered.json();
        assertThat(view.path("idNumberMasked").asText()).isEqualTo(Masks.idNumber(idNumber));
        assertThat(view.path("phoneMasked").asText()).isEqualTo(Masks.mobile(phone));
        assertThat(view.path("certificateLevelLabel").asText()).isEqualTo("高级");
        assertThat(JSON.readTree(answers.get(3)).path("current").path("accountMasked").asText()).isEqualTo("6222***********1234");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("CAREGIVER_ALREADY_REGISTERED");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "idNumber", "phone",
                "certificateLevel", "certificateNumber", "certificateFrom");
        assertThat(asApprover.status()).as("officers and auditors only").isEqualTo(403);
        assertThat(otherCounty.status()).isEqualTo(404);
    }

    @Test
    void aCaregiverPaymentTheBankFailed_isReversedAndPaidOnceByTheNextBatch() throws Exception {
        String budget = fundedBudget(door(), county, "INSTITUTION_SUBSIDY", 4_000_000);
        String home = institution(door(), county, "inst-care");
        String bedA = bed(door(), county, home, county + "-F1");
        String bedB = bed(door(), county, home, county + "-F2");
        LocalDate since = month.minusMonths(3).atDay(1);
        stay(door(), county, bedA, disabled(county, null), since, null);
        stay(door(), county, bedB, disabled(county, null), since, null);
        Caregiver paid = register("JUNIOR", since.minusYears(1), since.plusYears(4));
        Caregiver failed = register("TECHNICIAN", since.minusYears(1), since.plusYears(4));
        assign(paid.id(), bedA, since, null);
        assign(failed.id(), bedB, since, null);
        String account = "6228480000000000777";
        expect(door().send(ApiRequest.of("PUT", "/v1/care-home-caregivers/" + failed.id() + "/payout-account", """
                {"kind":"BANK_CARD","bankCode":"ABC","accountNumber":"%s","holderName":"赵护理","reason":"登记"}""".formatted(account))
                .bearer(officer(county))), 200);
        JsonNode posted = BatchFixtures.postedBatch(door(), county, "CAREGIVER_POST", month.minusMonths(2));
        String batch = posted.path("batch").path("id").asText();
        long failedFen = itemOf(posted, failed.id()).path("amountFen").asLong();

        ApiAnswer file = expect(door().send(ApiRequest.get("/v1/batches/" + batch + "/payment-file").bearer(officer(county))), 200);
        String[] failedLine = null;
        String[] paidLine = null;
        for (String line : file.body().split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f[0].equals("D")) {
                if (f[5].equals(account)) {
                    failedLine = f;
                } else {
                    paidLine = f;
                }
            }
        }
        assertThat(failedLine).as("the caregiver's account is in the bank file: " + file.body()).isNotNull();
        assertThat(failedLine[6]).isEqualTo("赵护理");
        assertThat(Long.parseLong(failedLine[7])).isEqualTo(failedFen);
        assertThat(paidLine[5]).as("no payout account").isEqualTo("-");
        String returned = String.join("\n", "H|YIYANG-DAIFA-RETURN-1|" + batch, "R|" + paidLine[1] + "|" + paidLine[2] + "|PAID|",
                "R|" + failedLine[1] + "|" + failedLine[2] + "|FAILED|账户已冻结", "T|2|1|1") + "\n";
        JsonNode imported = expect(door().send(ApiRequest.post("/v1/batches/" + batch + "/bank-returns",
                JSON.writeValueAsString(Map.of("file", returned))).bearer(officer(county)).idempotencyKey(key("bank-return"))), 200).json();
        assertThat(imported.path("failed").asInt()).isEqualTo(1);

        String reversal = pendingReversalOf(failedLine[2]);
        expect(door().send(FundFixtures.approve(county, reversal)), 200);
        JsonNode next = BatchFixtures.postedBatch(door(), county, "CAREGIVER_POST", month.minusMonths(1));
        JsonNode later = BatchFixtures.postedBatch(door(), county, "CAREGIVER_POST", month);

        List<JsonNode> offered = new ArrayList<>();
        next.path("items").forEach(i -> {
            if (i.path("band").asText().startsWith("补发")) {
                offered.add(i);
            }
        });
        assertThat(offered).hasSize(1);
        assertThat(offered.get(0).path("amountFen").asLong()).isEqualTo(failedFen);
        assertThat(offered.get(0).path("payeeAccountId").asText()).isEqualTo(itemOf(posted, failed.id()).path("payeeAccountId").asText());
        assertThat(later.path("items").findValuesAsText("band")).as("paid once: not offered again").noneMatch(b -> b.startsWith("补发"));
        assertThat(FundFixtures.account(door(), county, budget).path("available").asLong())
                .as("three months paid, the failed payment back on the budget and paid again in the second")
                .isEqualTo(4_000_000 - posted.path("batch").path("totalFen").asLong() - next.path("batch").path("totalFen").asLong()
                        - later.path("batch").path("totalFen").asLong() + failedFen);
        assertThat(FundFixtures.verify(door(), county).path("valid").asBoolean()).isTrue();
    }

    /** A certificate as recorded: its level, its first and last valid day. */
    record Certificate(String level, LocalDate from, LocalDate until) {
        boolean valid(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(until);
        }
    }

    @Test
    void aRenewalOnTime_paysWithoutAGap_anUpgradeMidMonth_paysEachLevelFromItsFirstDay_andAGapBetweenCertificates_paysNothing() {
        String home = institution(door(), county, "inst-certs");
        Map<String, Caregiver> caregivers = new HashMap<>();
        Map<String, List<Certificate>> certificates = new HashMap<>();
        // renewed: the old junior certificate ends on the 10th, the new one starts on the 11th
        Caregiver renewed = register("JUNIOR", day(1).minusYears(3), day(10));
        recordCertificate(renewed.id(), "JUNIOR", day(11), day(11).plusYears(5));
        certificates.put("R1", List.of(new Certificate("JUNIOR", renewed.certificateFrom(), renewed.certificateUntil()),
                new Certificate("JUNIOR", day(11), day(11).plusYears(5))));
        // upgraded: intermediate until the 19th, senior from the 20th
        Caregiver upgraded = register("INTERMEDIATE", day(1).minusYears(2), day(19));
        recordCertificate(upgraded.id(), "SENIOR", day(20), day(20).plusYears(5));
        certificates.put("U1", List.of(new Certificate("INTERMEDIATE", upgraded.certificateFrom(), upgraded.certificateUntil()),
                new Certificate("SENIOR", day(20), day(20).plusYears(5))));
        // lapsed: the technician certificate ends on the 5th, the next starts on the 12th (the 6th to the 11th unpaid)
        Caregiver lapsed = register("TECHNICIAN", day(1).minusYears(4), day(5));
        recordCertificate(lapsed.id(), "TECHNICIAN", day(12), day(12).plusYears(5));
        certificates.put("G1", List.of(new Certificate("TECHNICIAN", lapsed.certificateFrom(), lapsed.certificateUntil()),
                new Certificate("TECHNICIAN", day(12), day(12).plusYears(5))));
        caregivers.put("R1", renewed);
        caregivers.put("U1", upgraded);
        caregivers.put("G1", lapsed);
        for (String code : List.of("R1", "U1", "G1")) {
            String bed = bed(door(), county, home, county + "-" + code);
            stay(door(), county, bed, disabled(county, null), day(1).minusDays(40), null);
            assign(caregivers.get(code).id(), bed, day(1).minusDays(30), null);
        }

        JsonNode draft = expect(door().send(createBatch(county, "CAREGIVER_POST", month)), 201).json();

        Map<String, JsonNode> byCaregiver = new HashMap<>();
        draft.path("items").forEach(item -> byCaregiver.put(item.path("posts").get(0).path("caregiverId").asText(), item));
        long total = 0;
        for (String code : List.of("R1", "U1", "G1")) {
            long days = 0;
            long fen = 0;
            for (LocalDate d = day(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                LocalDate on = d;
                Certificate valid = certificates.get(code).stream().filter(c -> c.valid(on)).findFirst().orElse(null);
                if (valid != null) {
                    days++;
                    fen += rateOn(d, valid.level());
                }
            }
            JsonNode item = byCaregiver.get(caregivers.get(code).id());
            assertThat(item).as("an item for " + code).isNotNull();
            assertThat(item.path("bedDays").asLong()).as("bed-days of " + code).isEqualTo(days);
            assertThat(item.path("amountFen").asLong()).as("fen of " + code).isEqualTo(fen);
            total += fen;
        }
        int rest = month.lengthOfMonth() - 15;
        assertThat(lines(byCaregiver.get(renewed.id()))).as("renewed on time: every day paid")
                .containsExactly("R1:JUNIOR:v1:15x201", "R1:JUNIOR:v2:" + rest + "x211");
        assertThat(lines(byCaregiver.get(upgraded.id()))).as("upgraded on the 20th: the senior rate from that day")
                .containsExactly("U1:INTERMEDIATE:v1:15x303", "U1:INTERMEDIATE:v2:4x313", "U1:SENIOR:v2:" + (month.lengthOfMonth() - 19)
                        + "x611");
        assertThat(lines(byCaregiver.get(lapsed.id()))).as("the 6th to the 11th without a certificate: unpaid")
                .containsExactly("G1:TECHNICIAN:v1:9x507", "G1:TECHNICIAN:v2:" + rest + "x517");
        assertThat(byCaregiver.get(renewed.id()).path("bedDays").asInt()).isEqualTo(month.lengthOfMonth());
        assertThat(byCaregiver.get(lapsed.id()).path("bedDays").asInt()).isEqualTo(month.lengthOfMonth() - 6);
        assertThat(draft.path("batch").path("totalFen").asLong()).isEqualTo(total);
        assertThat(draft.path("breakdowns").path("byPolicyLine").findValuesAsText("key")).as("an item's level is its last day's")
                .containsExactlyInAnyOrder("JUNIOR", "SENIOR", "TECHNICIAN");
        assertThat(FundProbe.number("select count(*) from funds.batch_item_post p join funds.batch b on b.id = p.batch_id "
                + "where b.county = ?1 and p.certificate_level = 'SENIOR'", county)).as("the lines as kept").isEqualTo(1);
    }

    @Test
    void aCaregiversCertificates_areListedLatestFirst_andTheirReadShowsTheOneValidToday_orNone() {
        LocalDate today = LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE);
        Caregiver renewed = register("INTERMEDIATE", today.minusYears(3), today.minusDays(1));
        JsonNode before = expect(door().send(ApiRequest.get("/v1/care-home-caregivers/" + renewed.id()).bearer(auditor(county))), 200)
                .json();
        JsonNode recorded = expect(door().send(certificate(renewed.id(), "SENIOR", "HL-2026-0099", today, today.plusYears(5))), 201)
                .json();
        JsonNode after = expect(door().send(ApiRequest.get("/v1/care-home-caregivers/" + renewed.id()).bearer(auditor(county))), 200)
                .json();
        JsonNode listed = expect(door().send(ApiRequest.get("/v1/care-home-caregivers").bearer(officer(county))), 200).json();
        JsonNode certificates = expect(door().send(ApiRequest.get("/v1/care-home-caregivers/" + renewed.id() + "/certificates")
                .bearer(auditor(county))), 200).json();

        assertThat(before.has("currentCertificate")).as("expired yesterday: none valid today").isFalse();
        assertThat(before.path("certificateUntil").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(recorded.path("caregiverId").asText()).isEqualTo(renewed.id());
        assertThat(recorded.path("level").asText()).isEqualTo("SENIOR");
        assertThat(recorded.path("levelLabel").asText()).isEqualTo("高级");
        assertThat(recorded.path("number").asText()).isEqualTo("HL-2026-0099");
        assertThat(recorded.path("validFrom").asText()).isEqualTo(today.toString());
        assertThat(recorded.path("validUntil").asText()).isEqualTo(today.plusYears(5).toString());
        assertThat(after.path("currentCertificate").path("id").asText()).isEqualTo(recorded.path("id").asText());
        assertThat(after.path("currentCertificate").path("level").asText()).isEqualTo("SENIOR");
        assertThat(after.path("certificateLevel").asText()).as("the registration as made").isEqualTo("INTERMEDIATE");
        assertThat(listed.path("items").get(0).path("currentCertificate").path("number").asText()).isEqualTo("HL-2026-0099");
        assertThat(certificates.path("items").findValuesAsText("level")).containsExactly("SENIOR", "INTERMEDIATE");
        assertThat(certificates.path("items").get(1).path("validUntil").asText()).as("the registered one is the first")
                .isEqualTo(today.minusDays(1).toString());
    }

    @Test
    void aCertificateOverlappingAnother_isRefused409_theLastDayCounting_andNothingIsWritten() {
        LocalDate today = LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE);
        Caregiver caregiver = register("JUNIOR", today.minusYears(1), today.plusDays(30));

        ApiAnswer onTheLastDay = door().send(certificate(caregiver.id(), "INTERMEDIATE", "HL-OVER-1", today.plusDays(30),
                today.plusYears(3)));
        ApiAnswer inside = door().send(certificate(caregiver.id(), "SENIOR", "HL-OVER-2", today.minusDays(10), today));
        long kept = FundProbe.number("select count(*) from funds.caregiver_certificate where caregiver_id = cast(?1 as uuid)",
                caregiver.id());
        ApiAnswer theDayAfter = door().send(certificate(caregiver.id(), "INTERMEDIATE", "HL-OVER-3", today.plusDays(31),
                today.plusYears(3)));

        assertThat(onTheLastDay.status()).isEqualTo(409);
        assertThat(onTheLastDay.code()).isEqualTo("CERTIFICATE_OVERLAPS");
        assertThat(onTheLastDay.json().path("userMessage").asText()).contains("不能和它重叠");
        assertThat(inside.code()).isEqualTo("CERTIFICATE_OVERLAPS");
        assertThat(kept).as("the registered certificate alone").isEqualTo(1);
        assertThat(theDayAfter.status()).as("the day after the last valid day").isEqualTo(201);
        assertThat(FundFixtures.verify(door(), county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aCertificateIntoAMonthAlreadyBatched_isRefused409_andTheMonthsAroundItStayOpen() {
        Caregiver caregiver = register("JUNIOR", day(1).minusYears(1), day(20));
        Caregiver lapsed = register("JUNIOR", day(1).minusYears(3), day(1).minusMonths(2));
        String bed = bed(door(), county, institution(door(), county, "inst-certs"), county + "-M1");
        stay(door(), county, bed, disabled(county, null), day(1).minusDays(10), null);
        assign(caregiver.id(), bed, day(1).minusDays(5), null);
        JsonNode draft = expect(door().send(createBatch(county, "CAREGIVER_POST", month)), 201).json();
        long paid = draft.path("batch").path("totalFen").asLong();
        LocalDate monthBefore = day(1).minusMonths(1);

        ApiAnswer intoPaid = door().send(certificate(caregiver.id(), "SENIOR", "HL-LATE-1", day(21), day(21).plusYears(3)));
        ApiAnswer acrossPaid = door().send(certificate(lapsed.id(), "SENIOR", "HL-LATE-2", monthBefore, monthBefore.plusYears(3)));
        ApiAnswer nextMonth = door().send(certificate(caregiver.id(), "SENIOR", "HL-NEXT", month.plusMonths(1).atDay(1),
                month.plusMonths(1).atDay(1).plusYears(3)));
        ApiAnswer monthBeforeOnly = door().send(certificate(lapsed.id(), "JUNIOR", "HL-BEFORE", monthBefore, day(1).minusDays(1)));

        assertThat(intoPaid.status()).isEqualTo(409);
        assertThat(intoPaid.code()).as("the paid month would be paid at another level").isEqualTo("MONTH_ALREADY_BATCHED");
        assertThat(acrossPaid.code()).as("from an open month into the paid one").isEqualTo("MONTH_ALREADY_BATCHED");
        assertThat(nextMonth.status()).as(nextMonth.toString()).isEqualTo(201);
        assertThat(monthBeforeOnly.status()).as("a month before, not batched: " + monthBeforeOnly).isEqualTo(201);
        assertThat(FundProbe.number("select count(*) from funds.caregiver_certificate where county = ?1", county)).isEqualTo(4);
        JsonNode again = BatchFixtures.batch(door(), county, draft.path("batch").path("id").asText());
        assertThat(again.path("batch").path("totalFen").asLong()).as("the paid month as it was").isEqualTo(paid);
    }

    @Test
    void certificates_areRecordedByOfficersOnly_readByOfficersAndAuditors_404ForAnotherCounty_andRefusedByField() {
        LocalDate today = LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE);
        Caregiver caregiver = register("JUNIOR", today.minusYears(1), today.plusDays(10));
        String other = FundFixtures.newCounty();

        ApiAnswer byAuditor = door().send(certificate(caregiver.id(), "SENIOR", "HL-ROLE-1", today.plusDays(11), today.plusYears(2))
                .bearer(auditor(county)));
        ApiAnswer byApprover = door().send(certificate(caregiver.id(), "SENIOR", "HL-ROLE-2", today.plusDays(11), today.plusYears(2))
                .bearer(approver(county)));
        ApiAnswer readByApprover = door().send(ApiRequest.get("/v1/care-home-caregivers/" + caregiver.id() + "/certificates")
                .bearer(approver(county)));
        ApiAnswer otherCountyWrites = door().send(certificate(caregiver.id(), "SENIOR", "HL-ROLE-3", today.plusDays(11),
                today.plusYears(2)).bearer(officer(other)));
        ApiAnswer otherCountyReads = door().send(ApiRequest.get("/v1/care-home-caregivers/" + caregiver.id() + "/certificates")
                .bearer(auditor(other)));
        ApiAnswer missing = door().send(certificate(java.util.UUID.randomUUID().toString(), "SENIOR", "HL-ROLE-4", today.plusDays(11),
                today.plusYears(2)));
        ApiAnswer bad = door().send(ApiRequest.post("/v1/care-home-caregivers/" + caregiver.id() + "/certificates", """
                {"level":"MASTER","number":"no spaces!","validFrom":"2026-02-30","validUntil":"2030-01-01"}""")
                .bearer(officer(county)).idempotencyKey(key("certificate")));
        ApiAnswer backwards = door().send(certificate(caregiver.id(), "SENIOR", "HL-ROLE-5", today.plusYears(2), today.plusDays(11)));
        ApiAnswer tooLong = door().send(certificate(caregiver.id(), "SENIOR", "HL-ROLE-6", today.plusDays(11),
                today.plusDays(12).plusYears(10)));

        assertThat(byAuditor.status()).isEqualTo(403);
        assertThat(byApprover.status()).isEqualTo(403);
        assertThat(readByApprover.status()).isEqualTo(403);
        assertThat(otherCountyWrites.status()).isEqualTo(404);
        assertThat(otherCountyReads.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("level", "number", "validFrom");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("errors").findValuesAsText("code")).containsExactly("OUT_OF_RANGE");
        assertThat(tooLong.json().path("errors").findValuesAsText("field")).containsExactly("validUntil");
        assertThat(FundProbe.number("select count(*) from funds.caregiver_certificate where caregiver_id = cast(?1 as uuid)",
                caregiver.id())).as("none of these wrote").isEqualTo(1);
        assertThat(FundProbe.tryStatement("update funds.caregiver_certificate set recorded_by = recorded_by")).contains("insert-only");
        assertThat(FundProbe.tryStatement("delete from funds.caregiver_certificate")).contains("insert-only");
        assertThat(FundProbe.tryStatement("truncate funds.caregiver_certificate")).contains("insert-only");
    }

    @Test
    void aCertificateRetriedUnderTheSameKey_isRecordedOnce_andEveryRetryGetsTheFirstAnswer() {
        LocalDate today = LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE);
        Caregiver caregiver = register("JUNIOR", today.minusYears(1), today.plusDays(10));
        ApiRequest renewal = certificate(caregiver.id(), "INTERMEDIATE", "HL-RETRY-1", today.plusDays(11), today.plusYears(3));

        ApiAnswer first = door().send(renewal);
        ApiAnswer retry = door().send(renewal);
        ApiAnswer changed = door().send(renewal.withBody("""
                {"level":"SENIOR","number":"HL-RETRY-1","validFrom":"%s","validUntil":"%s"}""".formatted(today.plusDays(11),
                today.plusYears(3))));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(changed.status()).as("the same key with another body").isEqualTo(422);
        assertThat(FundProbe.number("select count(*) from funds.caregiver_certificate where caregiver_id = cast(?1 as uuid)",
                caregiver.id())).isEqualTo(2);
        assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1 and action = "
                + "'CAREGIVER_CERTIFICATE_RECORDED'", county)).as("one entry").isEqualTo(1);
    }

    @Test
    void aCertificateRecordedInError_isWithdrawn_thenPaysNoDay_andTheRightOneIsRecordedOverItsDates() {
        Caregiver caregiver = register("JUNIOR", day(1).minusYears(1), day(10));
        String bed = bed(door(), county, institution(door(), county, "inst-certs"), county + "-W1");
        stay(door(), county, bed, disabled(county, null), day(1).minusDays(40), null);
        assign(caregiver.id(), bed, day(1).minusDays(30), null);
        // the renewal typed in as TECHNICIAN; the certificate says INTERMEDIATE
        String wrong = expect(door().send(certificate(caregiver.id(), "TECHNICIAN", "HL-TYPO-1", day(11), day(11).plusYears(5))), 201)
                .json().path("id").asText();
        ApiAnswer rightWhileWrongStands = door().send(certificate(caregiver.id(), "INTERMEDIATE", "HL-RIGHT-1", day(11),
                day(11).plusYears(5)));

        ApiAnswer withdrawn = door().send(withdrawal(wrong, "等级录错，证书上是中级（电话 13812345678 核实）"));
        ApiAnswer right = door().send(certificate(caregiver.id(), "INTERMEDIATE", "HL-RIGHT-1", day(11), day(11).plusYears(5)));
        JsonNode draft = expect(door().send(createBatch(county, "CAREGIVER_POST", month)), 201).json();
        JsonNode read = expect(door().send(ApiRequest.get("/v1/care-home-caregivers/" + caregiver.id()).bearer(auditor(county))), 200)
                .json();
        JsonNode listed = expect(door().send(ApiRequest.get("/v1/care-home-caregivers/" + caregiver.id() + "/certificates")
                .bearer(auditor(county))), 200).json();

        assertThat(rightWhileWrongStands.code()).as("the wrong one holds its dates until withdrawn").isEqualTo("CERTIFICATE_OVERLAPS");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().path("id").asText()).isEqualTo(wrong);
        assertThat(withdrawn.json().path("level").asText()).as("the row as recorded").isEqualTo("TECHNICIAN");
        assertThat(withdrawn.json().path("withdrawnBy").asText()).isEqualTo("officer-1");
        assertThat(withdrawn.json().path("withdrawnAt").isTextual()).isTrue();
        assertThat(withdrawn.json().path("withdrawalReason").asText()).as("a phone typed into the reason, kept masked")
                .isEqualTo(Masks.inText("等级录错，证书上是中级（电话 13812345678 核实）")).doesNotContain("12345678");
        assertThat(right.status()).as(right.toString()).isEqualTo(201);
        int rest = month.lengthOfMonth() - 15;
        assertThat(lines(itemOf(draft, caregiver.id()))).as("the withdrawn TECHNICIAN pays no day; the right level from the 11th")
                .containsExactlyInAnyOrder("W1:JUNIOR:v1:10x201", "W1:INTERMEDIATE:v1:5x303", "W1:INTERMEDIATE:v2:" + rest + "x313");
        assertThat(itemOf(draft, caregiver.id()).path("amountFen").asLong()).isEqualTo(10 * 201 + 5 * 303 + rest * 313L);
        assertThat(read.path("currentCertificate").path("id").asText()).as("valid today: the right one")
                .isEqualTo(right.json().path("id").asText());
        Map<String, JsonNode> byId = new HashMap<>();
        listed.path("items").forEach(k -> byId.put(k.path("id").asText(), k));
        assertThat(byId).as("the withdrawn one stays listed, stamped").hasSize(3);
        assertThat(byId.get(wrong).path("withdrawalReason").asText()).startsWith("等级录错");
        assertThat(byId.get(right.json().path("id").asText()).has("withdrawnAt")).isFalse();
        assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1 and action = "
                + "'CAREGIVER_CERTIFICATE_WITHDRAWN' and subject_id = ?2", county, wrong)).isEqualTo(1);
        assertThat(FundFixtures.verify(door(), county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aWithdrawal_isRefusedTwice_inABatchedMonth_withoutAReason_toOtherRolesAndCounties_andNothingElseOfTheRowChanges() {
        LocalDate today = LocalDate.now(cn.yiyang.kernel.time.CountyTime.ZONE);
        Caregiver caregiver = register("JUNIOR", today.minusYears(1), today.plusDays(10));
        String renewal = expect(door().send(certificate(caregiver.id(), "SENIOR", "HL-W-1", today.plusDays(11), today.plusYears(3))), 201)
                .json().path("id").asText();
        Caregiver paid = register("JUNIOR", day(1).minusYears(1), day(1).plusYears(2));
        String paidBed = bed(door(), county, institution(door(), county, "inst-certs"), county + "-W2");
        stay(door(), county, paidBed, disabled(county, null), day(1).minusDays(10), null);
        assign(paid.id(), paidBed, day(1).minusDays(5), null);
        expect(door().send(createBatch(county, "CAREGIVER_POST", month)), 201);
        String paidCertificate = certificates(paid.id()).get(0).path("id").asText();
        String other = FundFixtures.newCounty();

        ApiAnswer noReason = door().send(ApiRequest.post("/v1/caregiver-certificates/" + renewal + "/withdraw", "{}")
                .bearer(officer(county)).idempotencyKey(key("withdraw")));
        ApiAnswer blank = door().send(withdrawal(renewal, "  "));
        ApiAnswer tooLong = door().send(withdrawal(renewal, "错".repeat(CERTIFICATE_REASON_MAX + 1)));
        ApiAnswer byAuditor = door().send(withdrawal(renewal, "录错").bearer(auditor(county)));
        ApiAnswer byApprover = door().send(withdrawal(renewal, "录错").bearer(approver(county)));
        ApiAnswer otherCounty = door().send(withdrawal(renewal, "录错").bearer(officer(other)));
        ApiAnswer missing = door().send(withdrawal(java.util.UUID.randomUUID().toString(), "录错"));
        ApiAnswer malformed = door().send(withdrawal("not-a-uuid", "录错"));
        ApiAnswer intoPaidMonth = door().send(withdrawal(paidCertificate, "录错"));
        long stampedBefore = withdrawnCount(caregiver.id()) + withdrawnCount(paid.id());
        ApiRequest first = withdrawal(renewal, "证书编号录错");
        ApiAnswer once = door().send(first);
        ApiAnswer retried = door().send(first);
        ApiAnswer twice = door().send(withdrawal(renewal, "再撤一次"));

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").findValuesAsText("field")).containsExactly("reason");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(byAuditor.status()).isEqualTo(403);
        assertThat(byApprover.status()).isEqualTo(403);
        assertThat(otherCounty.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(intoPaidMonth.status()).isEqualTo(409);
        assertThat(intoPaidMonth.code()).as("a month already paid on it stays as paid").isEqualTo("MONTH_ALREADY_BATCHED");
        assertThat(stampedBefore).as("none of the refusals wrote").isZero();
        assertThat(once.status()).isEqualTo(200);
        assertThat(retried.json()).as("a retry under the same key: the first answer").isEqualTo(once.json());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("CERTIFICATE_ALREADY_WITHDRAWN");
        assertThat(twice.json().path("userMessage").asText()).contains("已经撤销");
        assertThat(withdrawnCount(caregiver.id())).isEqualTo(1);
        assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1 and action = "
                + "'CAREGIVER_CERTIFICATE_WITHDRAWN'", county)).as("one entry").isEqualTo(1);
        assertThat(FundProbe.tryStatement("update funds.caregiver_certificate set withdrawn_by = null, withdrawn_at = null, "
                + "withdrawal_reason = null where id = '" + renewal + "'")).as("never un-withdrawn").contains("insert-only");
        assertThat(FundProbe.tryStatement("update funds.caregiver_certificate set certificate_level = 'TECHNICIAN', withdrawn_by = 'x', "
                + "withdrawn_at = now(), withdrawal_reason = 'x' where id = '" + paidCertificate + "'"))
                .as("a withdrawal changes nothing else of the row").contains("insert-only");
        assertThat(FundProbe.tryStatement("delete from funds.caregiver_certificate where id = '" + renewal + "'")).contains("insert-only");
    }

    private static final int CERTIFICATE_REASON_MAX = 200;

    private ApiRequest withdrawal(String certificate, String reason) {
        return ApiRequest.post("/v1/caregiver-certificates/" + certificate + "/withdraw",
                "{\"reason\":\"" + reason + "\"}").bearer(officer(county)).idempotencyKey(key("withdraw"));
    }

    private List<JsonNode> certificates(String caregiver) {
        List<JsonNode> items = new ArrayList<>();
        expect(door().send(ApiRequest.get("/v1/care-home-caregivers/" + caregiver + "/certificates").bearer(officer(county))), 200)
                .json().path("items").forEach(items::add);
        return items;
    }

    private static long withdrawnCount(String caregiver) {
        return FundProbe.number("select count(*) from funds.caregiver_certificate where caregiver_id = cast(?1 as uuid) "
                + "and withdrawn_at is not null", caregiver);
    }

    /** A post line as {@code bed:level:version:days x rate}. */
    private List<String> lines(JsonNode item) {
        List<String> lines = new ArrayList<>();
        item.path("posts").forEach(l -> lines.add(l.path("bedCode").asText().substring(county.length() + 1) + ":"
                + l.path("certificateLevel").asText() + ":v" + l.path("rateVersion").asInt() + ":" + l.path("days").asInt() + "x"
                + l.path("dailyRateFen").asLong()));
        return lines;
    }

    private ApiRequest certificate(String caregiver, String level, String number, LocalDate from, LocalDate until) {
        return ApiRequest.post("/v1/care-home-caregivers/" + caregiver + "/certificates", """
                {"level":"%s","number":"%s","validFrom":"%s","validUntil":"%s"}""".formatted(level, number, from, until))
                .bearer(officer(county)).idempotencyKey(key("certificate"));
    }

    private void recordCertificate(String caregiver, String level, LocalDate from, LocalDate until) {
        expect(door().send(certificate(caregiver, level, "HL-" + Long.toString(System.nanoTime(), 36), from, until)), 201);
    }

    private String pendingReversalOf(String transfer) {
        JsonNode pending = expect(door().send(ApiRequest.get("/v1/transfers").query("status", "PENDING").bearer(auditor(county))), 200)
                .json();
        for (JsonNode t : pending.path("items")) {
            if (transfer.equals(t.path("reversesId").asText())) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no pending reversal of " + transfer + ": " + pending);
    }

    private long rateOn(LocalDate day, String level) {
        Rate inForce = null;
        for (Rate r : rates) {
            if (!r.from().isAfter(day)) {
                inForce = r;
            }
        }
        return inForce.fen()[LEVELS.indexOf(level)];
    }

    private void putRate(Rate rate) {
        expect(door().send(ApiRequest.of("PUT", "/v1/batch-policies/caregiver-posts", """
                {"effectiveFrom":"%s","ratesFen":{"junior":%d,"intermediate":%d,"senior":%d,"technician":%d}}"""
                .formatted(rate.from(), rate.fen()[0], rate.fen()[1], rate.fen()[2], rate.fen()[3])).bearer(officer(county))), 200);
        rates.add(rate);
    }

    private ApiRequest registration(String idNumber, String phone, String level, LocalDate from, LocalDate until) {
        return ApiRequest.post("/v1/care-home-caregivers", """
                {"name":"李护理","idNumber":"%s","phone":"%s","certificateLevel":"%s","certificateNumber":"HL-%s",
                 "certificateFrom":"%s","certificateUntil":"%s"}""".formatted(idNumber, phone, level,
                        Long.toString(System.nanoTime(), 36), from, until))
                .bearer(officer(county)).idempotencyKey(key("caregiver"));
    }

    private Caregiver register(String level, LocalDate from, LocalDate until) {
        String id = expect(door().send(registration(TestPeople.idNumber(), TestPeople.phone(), level, from, until)), 201)
                .json().path("id").asText();
        return new Caregiver(id, level, from, until);
    }

    private ApiRequest assignment(String caregiver, String bed, LocalDate from, LocalDate until) {
        String body = until == null ? "{\"bedId\":\"%s\",\"from\":\"%s\"}".formatted(bed, from)
                : "{\"bedId\":\"%s\",\"from\":\"%s\",\"until\":\"%s\"}".formatted(bed, from, until);
        return ApiRequest.post("/v1/care-home-caregivers/" + caregiver + "/assignments", body).bearer(officer(county))
                .idempotencyKey(key("assign"));
    }

    private ApiRequest endAssignment(String assignment, LocalDate on) {
        return ApiRequest.post("/v1/caregiver-assignments/" + assignment + "/end", "{\"endsOn\":\"%s\"}".formatted(on))
                .bearer(officer(county)).idempotencyKey(key("end"));
    }

    /** Assigned from {@code from}, then ended on {@code until} unless it is null (as a stay is admitted, then discharged). */
    private String assign(String caregiver, String bed, LocalDate from, LocalDate until) {
        String id = expect(door().send(assignment(caregiver, bed, from, null)), 201).json().path("id").asText();
        if (until != null) {
            expect(door().send(endAssignment(id, until)), 200);
        }
        return id;
    }

    private String assignmentOf(String caregiver, String bedCode) {
        JsonNode page = expect(door().send(ApiRequest.get("/v1/care-home-caregivers/" + caregiver + "/assignments")
                .bearer(auditor(county))), 200).json();
        for (JsonNode a : page.path("items")) {
            if (a.path("bedCode").asText().equals(bedCode)) {
                return a.path("id").asText();
            }
        }
        throw new AssertionError("no assignment of " + caregiver + " to " + bedCode + ": " + page);
    }

    private static JsonNode itemOf(JsonNode batch, String caregiver) {
        for (JsonNode item : batch.path("items")) {
            if (item.path("posts").size() > 0 && item.path("posts").get(0).path("caregiverId").asText().equals(caregiver)) {
                return item;
            }
        }
        throw new AssertionError("no item of " + caregiver + ": " + batch.path("items"));
    }
}
