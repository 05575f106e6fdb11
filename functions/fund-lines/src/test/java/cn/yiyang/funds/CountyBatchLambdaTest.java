package cn.yiyang.funds;

import static cn.yiyang.funds.BatchFixtures.approveBatch;
import static cn.yiyang.funds.BatchFixtures.createBatch;
import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.secondApprover;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.funds.batches.BatchPosting;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.pg.PgOperations;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A whole county's 高龄津贴 in one batch: 100,000 residents aged 80 to 104 on 20 streets, their cards
 * in the card store as the registry publishes them. The request answers 202 at once and the job makes
 * the batch; it is approved through the Lambda door; the approval answers at once with the batch POSTING; two steps of the posting job
 * commit, a third is killed before its commit; nothing is posted and verify holds; the job resumes
 * and posts each item exactly once. Durations are printed (the figures belong to the bench harness),
 * never asserted.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class CountyBatchLambdaTest {

    static final int RESIDENTS = 100_000;
    static final int STREETS = 20;
    static final int WRITERS = 4;
    static final int JOB_RUNS_MAX = 5;

    private final LambdaDoor door = LambdaDoor.ofThisTest();

    @Inject
    ResidentCards cards;
    @Inject
    PgOperations pg;
    @Inject
    BatchPosting posting;

    @Test
    void aCountysHundredThousandAllowances_postAllOrNone_aKilledPostingResumes_andPaysEachItemExactlyOnce() {
        String county = FundFixtures.newCounty();
        YearMonth month = BatchFixtures.thisMonth();
        FundFixtures.installLines(door, county);
        long expectedTotal = generateCounty(county, month);
        String budget = fundedTwice(county, expectedTotal + 1_000);

        long t0 = System.nanoTime();
        JsonNode accepted = expect(door.send(createBatch(county, "ALLOWANCE", month)), 202).json();
        long acceptedMillis = (System.nanoTime() - t0) / 1_000_000;
        String id = accepted.path("batch").path("id").asText();
        // a run stops starting steps after its time (BatchPosting.RUN_SECONDS_MAX): the next run goes on, as the schedule's would
        String made = "";
        for (int run = 0; run < JOB_RUNS_MAX && !made.contains("DRAFT"); run++) {
            made = expect(door.invoke(FundRoutes.POST_BATCHES.event(List.of(county))), 200).json().toString();
        }
        long createdMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(made).contains("DRAFT");
        JsonNode draft = BatchFixtures.batch(door, county, id);
        assertThat(draft.path("batch").path("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("batch").path("itemCount").asInt()).isEqualTo(RESIDENTS);
        assertThat(draft.path("batch").path("totalFen").asLong()).isEqualTo(expectedTotal);
        assertThat(draft.path("breakdowns").path("byStreet")).hasSize(STREETS);
        assertThat(sum(draft.path("breakdowns").path("byStreet"), "totalFen")).isEqualTo(expectedTotal);
        assertThat(sum(draft.path("breakdowns").path("byPolicyLine"), "items")).isEqualTo(RESIDENTS);

        expect(door.send(approveBatch(county, id, approver(county))), 200);
        long t1 = System.nanoTime();
        JsonNode approved = expect(door.send(approveBatch(county, id, secondApprover(county))), 200).json();
        long approvedMillis = (System.nanoTime() - t1) / 1_000_000;
        assertThat(approved.path("batch").path("status").asText()).as("the approval answers at once").isEqualTo("POSTING");
        assertThat(approved.path("batch").path("itemsDone").asInt()).isZero();
        assertThat(FundFixtures.account(door, county, budget).path("debitsPending").asLong()).as("reserved whole, once")
                .isEqualTo(expectedTotal);

        long t2 = System.nanoTime();
        UUID batch = UUID.fromString(id);
        assertThat(pg.inTransaction(() -> posting.step(county, batch))).isTrue();
        assertThat(pg.inTransaction(() -> posting.step(county, batch))).isTrue();
        assertThatThrownBy(() -> pg.inTransaction(() -> posting.step(county, batch)
                .flatMap(more -> Uni.createFrom().failure(new IllegalStateException("the posting is killed before this step commits")))))
                .hasMessageContaining("killed");

        JsonNode midway = BatchFixtures.batch(door, county, id);
        assertThat(midway.path("batch").path("status").asText()).isEqualTo("POSTING");
        assertThat(midway.path("batch").path("itemsDone").asInt()).isEqualTo(2 * BatchPosting.STEP_ITEMS);
        assertThat(FundProbe.number("select count(*) from funds.transfer where batch_id = ?1", batch))
                .isEqualTo(2 * BatchPosting.STEP_ITEMS);
        assertNothingPosted(county, batch, budget, expectedTotal);
        JsonNode verifiedMidway = FundFixtures.verify(door, county);
        assertThat(verifiedMidway.path("valid").asBoolean()).as(verifiedMidway.toString()).isTrue();

        long t3 = System.nanoTime();
        JsonNode run = expect(door.invoke(FundRoutes.POST_BATCHES.event(List.of(county))), 200).json();
        long resumedMillis = (System.nanoTime() - t3) / 1_000_000;
        assertThat(run.toString()).contains("POSTED");

        JsonNode posted = BatchFixtures.batch(door, county, id);
        assertThat(posted.path("batch").path("status").asText()).isEqualTo("POSTED");
        assertThat(posted.path("batch").path("itemsDone").asInt()).isEqualTo(RESIDENTS);
        assertThat(FundProbe.number("select count(*) from funds.transfer where batch_id = ?1", batch)).isEqualTo(RESIDENTS);
        assertThat(FundProbe.number("select count(distinct client_key) from funds.transfer where batch_id = ?1", batch))
                .as("each item exactly once").isEqualTo(RESIDENTS);
        assertThat(FundProbe.number("""
                select count(*) from funds.transfer_resolution r join funds.transfer t on t.id = r.transfer_id
                where t.batch_id = ?1 and r.outcome = 'POSTED'""", batch)).isEqualTo(RESIDENTS);
        assertThat(FundProbe.number("select cast(sum(credits_posted) as bigint) from funds.account_balance where account_id in "
                + "(select payee_account_id from funds.batch_item where batch_id = ?1)", batch)).isEqualTo(expectedTotal);
        JsonNode account = FundFixtures.account(door, county, budget);
        assertThat(account.path("debitsPosted").asLong()).isEqualTo(expectedTotal);
        assertThat(account.path("debitsPending").asLong()).isZero();
        JsonNode verified = FundFixtures.verify(door, county);
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("transfersChecked").asLong()).isGreaterThanOrEqualTo(RESIDENTS);

        System.out.printf("COUNTY BATCH figures (%d items, busy 2-core machine): create answered in %d ms, made by the job in %d ms "
                        + "(%.0f items/s); completing approval %d ms; two steps of %d items and a killed third %d ms; resumed job to "
                        + "POSTED %d ms (%.0f items/s)%n",
                RESIDENTS, acceptedMillis, createdMillis, RESIDENTS * 1000.0 / createdMillis, approvedMillis, BatchPosting.STEP_ITEMS,
                (t3 - t2) / 1_000_000, resumedMillis, (RESIDENTS - 2.0 * BatchPosting.STEP_ITEMS) * 1000.0 / resumedMillis);
    }

    private void assertNothingPosted(String county, UUID batch, String budget, long total) {
        assertThat(FundProbe.number("""
                select count(*) from funds.transfer_resolution r join funds.transfer t on t.id = r.transfer_id
                where t.batch_id = ?1""", batch)).as("no item posted").isZero();
        JsonNode account = FundFixtures.account(door, county, budget);
        assertThat(account.path("debitsPosted").asLong()).isZero();
        assertThat(account.path("debitsPending").asLong()).isEqualTo(total);
        assertThat(FundProbe.number("select cast(coalesce(sum(credits_posted), 0) as bigint) from funds.account_balance where account_id in "
                + "(select payee_account_id from funds.batch_item where batch_id = ?1)", batch)).isZero();
    }

    /** The county's cards, written 25 to a request by a few writers; answers what the default bands pay them. */
    private long generateCounty(String county, YearMonth month) {
        List<ResidentCard> all = new ArrayList<>(RESIDENTS);
        long total = 0;
        for (int i = 0; i < RESIDENTS; i++) {
            int age = 80 + i % 25;
            all.add(new ResidentCard(county, UUID.randomUUID().toString(), "王阿婆", month.atEndOfMonth().minusYears(age), Set.of(),
                    null, ResidentCard.ACTIVE, county + String.format("%03d", 1 + i % STREETS), "文三路 8 号", "138****0000",
                    Set.of()));
            total += age >= 100 ? 30_000 : age >= 90 ? 10_000 : 5_000;
        }
        long start = System.nanoTime();
        Concurrently.run(WRITERS, writer -> {
            int slice = RESIDENTS / WRITERS;
            cards.putAll(all.subList(writer * slice, writer == WRITERS - 1 ? RESIDENTS : (writer + 1) * slice));
            return null;
        });
        System.out.printf("COUNTY BATCH: %d cards written in %d ms%n", RESIDENTS, (System.nanoTime() - start) / 1_000_000);
        return total;
    }

    private String fundedTwice(String county, long amountFen) {
        String transfer = expect(door.send(FundFixtures.appropriation(county, "LONGEVITY_ALLOWANCE", amountFen)), 201)
                .json().path("id").asText();
        expect(door.send(FundFixtures.approve(county, transfer)), 200);
        expect(door.send(FundFixtures.step(county, transfer, "approve", secondApprover(county), "{}")), 200);
        return FundFixtures.accountOf(door, county, "LONGEVITY_ALLOWANCE", "BUDGET").path("id").asText();
    }

    private static long sum(JsonNode lines, String field) {
        long sum = 0;
        for (JsonNode line : lines) {
            sum += line.path(field).asLong();
        }
        return sum;
    }
}
