package cn.yiyang.funds;

import static cn.yiyang.funds.BatchFixtures.admission;
import static cn.yiyang.funds.BatchFixtures.approveBatch;
import static cn.yiyang.funds.BatchFixtures.bed;
import static cn.yiyang.funds.BatchFixtures.createBatch;
import static cn.yiyang.funds.BatchFixtures.disabled;
import static cn.yiyang.funds.BatchFixtures.institution;
import static cn.yiyang.funds.BatchFixtures.resident;
import static cn.yiyang.funds.BatchFixtures.stay;
import static cn.yiyang.funds.BatchFixtures.thisMonth;
import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.RetryingClient;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batches and beds raced, against the real PostgreSQL, through a door that serves in parallel. */
public abstract class BatchConcurrencyScenarios {

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

    private String county;

    @BeforeEach
    void aCountyWithItsFundLines() {
        county = FundFixtures.newCounty();
        FundFixtures.installLines(client(), county);
    }

    @Test
    void theSameMonthsBatch_madeByEightClientsAtOnce_andApprovedBySixAtOnce_isPaidOnce() {
        YearMonth month = thisMonth();
        String budget = fundedBudget(client(), county, "LONGEVITY_ALLOWANCE", 1_000_000);
        for (int age : new int[] {82, 91, 100, 88}) {
            resident(county, month, age, ResidentCard.ACTIVE);
        }

        List<ApiAnswer> made = Concurrently.run(8, i -> client().send(createBatch(county, "ALLOWANCE", month)));

        assertThat(made).as(made.toString()).allMatch(a -> a.status() == 201 || a.status() == 200);
        assertThat(made.stream().filter(a -> a.status() == 201)).hasSize(1);
        List<String> ids = made.stream().map(a -> a.json().path("batch").path("id").asText()).distinct().toList();
        assertThat(ids).as("one batch for the month").hasSize(1);

        List<ApiAnswer> approved = Concurrently.run(6, i -> client().send(approveBatch(county, ids.get(0), approver(county))));

        Map<String, Long> outcome = approved.stream().collect(Collectors.groupingBy(
                a -> a.status() == 200 ? a.json().path("batch").path("status").asText() : a.code(), Collectors.counting()));
        assertThat(outcome).as(approved.toString()).isEqualTo(Map.of("POSTED", 1L, "ALREADY_RESOLVED", 5L));
        long total = 5_000 + 10_000 + 30_000 + 5_000;
        assertThat(FundFixtures.account(client(), county, budget).path("debitsPosted").asLong()).as("paid once").isEqualTo(total);
        assertThat(FundFixtures.account(client(), county, budget).path("debitsPending").asLong()).isZero();
        assertThat(FundFixtures.verify(client(), county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void tenResidentsAdmittedToOneBedAtOnce_oneWins_andOneResidentAdmittedToTenBedsAtOnce_oneWins() {
        String home = institution(client(), county, "inst-1");
        LocalDate today = LocalDate.now(CountyTime.ZONE);
        String contested = bed(client(), county, home, county + "-C-0");
        List<String> residents = new ArrayList<>();
        List<String> beds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            residents.add(disabled(county, null));
            beds.add(bed(client(), county, home, county + "-C-" + (i + 1)));
        }
        String wanderer = disabled(county, "MODERATE");

        List<ApiAnswer> oneBed = Concurrently.run(10, i -> client().send(admission(county, contested, residents.get(i), today.minusDays(i))));
        List<ApiAnswer> oneResident = Concurrently.run(10, i -> client().send(admission(county, beds.get(i), wanderer, today)));

        assertThat(count(oneBed)).as(oneBed.toString()).isEqualTo(Map.of("201", 1L, "BED_OCCUPIED", 9L));
        assertThat(count(oneResident)).as(oneResident.toString()).isEqualTo(Map.of("201", 1L, "RESIDENT_ALREADY_IN_BED", 9L));
        assertThat(oneBed).filteredOn(a -> a.status() == 409).allMatch(a -> a.isProblem() && !a.json().path("userMessage").asText().isBlank());
    }

    @Test
    void aBatchApprovalRacingPaymentsFromTheSameBudget_neverOverdrawsIt_andEitherPaysTheWholeBatchOrNone() {
        YearMonth month = thisMonth();
        String budget = fundedBudget(client(), county, "LONGEVITY_ALLOWANCE", 50_000);
        String other = FundFixtures.payee(client(), county, "LONGEVITY_ALLOWANCE", "OTHER", "o-1");
        for (int age : new int[] {82, 91, 100}) {
            resident(county, month, age, ResidentCard.ACTIVE);
        }
        String batch = expect(client().send(createBatch(county, "ALLOWANCE", month)), 201).json().path("batch").path("id").asText();

        List<ApiAnswer> answers = Concurrently.run(11, i -> client().send(i == 0
                ? approveBatch(county, batch, approver(county))
                : FundFixtures.payment(county, budget, other, 1_000)));

        assertThat(answers).as(answers.toString()).allMatch(a -> a.status() < 500);
        String status = answers.get(0).json().path("batch").path("status").asText();
        long payments = answers.stream().skip(1).filter(a -> a.status() == 201).count();
        assertThat(answers.stream().skip(1).filter(a -> a.status() != 201)).allMatch(a -> "INSUFFICIENT_FUNDS".equals(a.code()));
        var account = FundFixtures.account(client(), county, budget);
        long batchPaid = status.equals("POSTED") ? 45_000 : 0;
        assertThat(status).isIn("POSTED", "REFUSED");
        assertThat(account.path("debitsPosted").asLong()).as("the whole batch or none of it").isEqualTo(batchPaid);
        assertThat(account.path("debitsPending").asLong()).isEqualTo(payments * 1_000);
        assertThat(account.path("available").asLong()).as("never below zero").isEqualTo(50_000 - batchPaid - payments * 1_000)
                .isNotNegative();
        if (status.equals("POSTED")) {
            assertThat(payments).isLessThanOrEqualTo(5);
        }
        assertThat(FundFixtures.verify(client(), county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aBedBatchRacingABackdatedAdmission_eitherCountsItOrRefusesIt_neverMissesIt() {
        YearMonth month = BatchFixtures.lastMonth();
        String home = institution(client(), county, "inst-1");
        stay(client(), county, bed(client(), county, home, county + "-R-0"), disabled(county, null), month.atDay(1), null);
        List<String> beds = new ArrayList<>();
        List<String> residents = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            beds.add(bed(client(), county, home, county + "-R-" + i));
            residents.add(disabled(county, null));
        }

        List<ApiAnswer> answers = Concurrently.run(7, i -> client().send(i == 0
                ? createBatch(county, "BED", month)
                : admission(county, beds.get(i - 1), residents.get(i - 1), month.atDay(month.lengthOfMonth()))));

        assertThat(answers.get(0).status()).as(answers.get(0).toString()).isEqualTo(201);
        long admitted = answers.stream().skip(1).filter(a -> a.status() == 201).count();
        assertThat(answers.stream().skip(1).filter(a -> a.status() != 201)).allMatch(a -> "MONTH_ALREADY_BATCHED".equals(a.code()));
        int bedDays = answers.get(0).json().path("items").get(0).path("bedDays").asInt();
        assertThat(bedDays).as("every admission that got in is counted: its last day").isEqualTo(month.lengthOfMonth() + admitted);
    }

    private static Map<String, Long> count(List<ApiAnswer> answers) {
        return answers.stream().collect(Collectors.groupingBy(a -> a.status() == 201 ? "201" : a.code(), Collectors.counting()));
    }
}
