package cn.yiyang.funds;

import static cn.yiyang.funds.BatchFixtures.createBatch;
import static cn.yiyang.funds.FundFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.batches.BatchCreation;
import cn.yiyang.funds.batches.BatchPosting;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A county-sized batch made by the job: killed after a few steps (a step limit: the run ends as a
 * Lambda's would), resumed by the scheduled job through the Lambda door, it stages each item exactly
 * once and reaches the totals an uninterrupted creation of the same county reaches; a plan that changed
 * meanwhile fails the creation, and the month is made again as a new attempt.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class BatchCreationLambdaTest {

    static final int ELDERS = BatchCreation.INLINE_ITEMS_MAX + 500;
    static final int STEP_ITEMS = 400;

    private final LambdaDoor door = LambdaDoor.ofThisTest();
    private final YearMonth month = BatchFixtures.thisMonth();

    @Inject
    BatchCreation creation;

    @Test
    void aKilledCreation_resumedByTheJob_writesEachItemOnce_andReachesTheTotalsOfAnUninterruptedOne() {
        String interrupted = county();
        String uninterrupted = county();
        long total = BatchFixtures.elders(interrupted, month, ELDERS);
        BatchFixtures.elders(uninterrupted, month, ELDERS);

        String id = expect(door.send(createBatch(interrupted, "ALLOWANCE", month)), 202).json().path("batch").path("id").asText();
        BatchPosting.Progress killed = creation.advance(interrupted, UUID.fromString(id), STEP_ITEMS, 2, Long.MAX_VALUE);
        JsonNode midway = BatchFixtures.batch(door, interrupted, id).path("batch");
        JsonNode verifiedMidway = FundFixtures.verify(door, interrupted);
        JsonNode resumed = expect(door.invoke(FundRoutes.POST_BATCHES.event(List.of(interrupted))), 200).json();
        String twin = expect(door.send(createBatch(uninterrupted, "ALLOWANCE", month)), 202).json().path("batch").path("id").asText();
        expect(door.invoke(FundRoutes.POST_BATCHES.event(List.of(uninterrupted))), 200);

        assertThat(killed.status().name()).isEqualTo("CREATING");
        assertThat(killed.itemsDone()).isEqualTo(2 * STEP_ITEMS);
        assertThat(midway.path("status").asText()).isEqualTo("CREATING");
        assertThat(midway.path("itemsCreated").asInt()).isEqualTo(2 * STEP_ITEMS);
        assertThat(midway.path("itemCount").asInt()).as("planned: the whole count is known").isEqualTo(ELDERS);
        assertThat(verifiedMidway.path("valid").asBoolean()).as("no batch half made: " + verifiedMidway).isTrue();
        assertThat(resumed.toString()).contains("DRAFT");
        JsonNode made = BatchFixtures.batch(door, interrupted, id).path("batch");
        JsonNode twinMade = BatchFixtures.batch(door, uninterrupted, twin).path("batch");
        assertThat(made.path("status").asText()).isEqualTo("DRAFT");
        assertThat(made.path("itemCount").asInt()).isEqualTo(ELDERS).isEqualTo(twinMade.path("itemCount").asInt());
        assertThat(made.path("totalFen").asLong()).isEqualTo(total).isEqualTo(twinMade.path("totalFen").asLong());
        assertThat(FundProbe.number("select count(*) from funds.batch_item where batch_id = cast(?1 as uuid)", id)).isEqualTo(ELDERS);
        assertThat(FundProbe.number("select count(distinct client_key) from funds.batch_item where batch_id = cast(?1 as uuid)", id))
                .as("each item exactly once").isEqualTo(ELDERS);
        assertThat(FundProbe.number("select max(seq) from funds.batch_item where batch_id = cast(?1 as uuid)", id)).isEqualTo(ELDERS);
        assertThat(FundProbe.number("select count(*) from funds.batch_item_staged")).as("the stage emptied").isZero();
        assertThat(FundProbe.number("select count(*) from funds.account where county = ?1 and payee_type = 'RESIDENT'", interrupted))
                .as("one payee account each").isEqualTo(ELDERS);
        assertThat(FundProbe.number("select count(*) from funds.audit_entry where county = ?1 and action = 'BATCH_CREATED'",
                interrupted)).isEqualTo(1);
        assertThat(FundFixtures.verify(door, interrupted).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aRetriedCreation_getsTheFirst202AgainWithItsLocation_andMakesOneBatch() {
        String county = county();
        BatchFixtures.elders(county, month, ELDERS);
        ApiRequest create = createBatch(county, "ALLOWANCE", month);

        ApiAnswer first = expect(door.send(create), 202);
        ApiAnswer again = expect(door.send(create), 202);

        String id = first.json().path("batch").path("id").asText();
        assertThat(first.header("location")).isEqualTo("/v1/batches/" + id);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("location")).as("the replay's Location").isEqualTo(first.header("location"));
        assertThat(again.header("idempotent-replayed")).isEqualTo("true");
        assertThat(FundProbe.number("select count(*) from funds.batch_creation where county = ?1", county)).isEqualTo(1);
    }

    @Test
    void aPlanThatChangedWhileTheCreationWasDown_failsIt_andTheMonthIsMadeAgainAsANewAttempt() {
        String county = county();
        long total = BatchFixtures.elders(county, month, ELDERS);
        String first = expect(door.send(createBatch(county, "ALLOWANCE", month)), 202).json().path("batch").path("id").asText();
        creation.advance(county, UUID.fromString(first), STEP_ITEMS, 1, Long.MAX_VALUE);
        BatchFixtures.resident(county, month, 90, ResidentCard.ACTIVE);

        expect(door.invoke(FundRoutes.POST_BATCHES.event(List.of(county))), 200);
        JsonNode failed = BatchFixtures.batch(door, county, first).path("batch");
        String second = expect(door.send(createBatch(county, "ALLOWANCE", month)), 202).json().path("batch").path("id").asText();
        expect(door.invoke(FundRoutes.POST_BATCHES.event(List.of(county))), 200);
        JsonNode made = BatchFixtures.batch(door, county, second).path("batch");

        assertThat(failed.path("status").asText()).isEqualTo("REFUSED");
        assertThat(failed.path("refusal").path("code").asText()).isEqualTo(BatchCreation.PLAN_CHANGED);
        assertThat(second).isNotEqualTo(first);
        assertThat(made.path("status").asText()).isEqualTo("DRAFT");
        assertThat(made.path("attempt").asInt()).isEqualTo(2);
        assertThat(made.path("itemCount").asInt()).isEqualTo(ELDERS + 1);
        assertThat(made.path("totalFen").asLong()).isEqualTo(total + 10_000);
        assertThat(FundProbe.number("select count(*) from funds.batch_item_staged where batch_id = cast(?1 as uuid)", first)).isZero();
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    private String county() {
        String county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        return county;
    }
}
