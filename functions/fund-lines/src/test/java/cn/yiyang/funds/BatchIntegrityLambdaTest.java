package cn.yiyang.funds;

import static cn.yiyang.funds.BatchFixtures.bed;
import static cn.yiyang.funds.BatchFixtures.disabled;
import static cn.yiyang.funds.BatchFixtures.institution;
import static cn.yiyang.funds.BatchFixtures.resident;
import static cn.yiyang.funds.BatchFixtures.stay;
import static cn.yiyang.funds.BatchFixtures.thisMonth;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What only the database and the card store themselves can show: insert-only batch tables, a discharge-only occupancy, the county index. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class BatchIntegrityLambdaTest {

    private final LambdaDoor door = LambdaDoor.ofThisTest();

    @Inject
    ResidentCards cards;

    @Test
    void batchesBedsAndPolicies_refuseUpdateDeleteAndTruncate_andAnOccupancyChangesOnlyByItsDischarge() {
        String county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        fundedBudget(door, county, "LONGEVITY_ALLOWANCE", 100_000);
        resident(county, thisMonth(), 88, ResidentCard.ACTIVE);
        BatchFixtures.postedBatch(door, county, "ALLOWANCE", thisMonth());
        String home = institution(door, county, "inst-1");
        String occupancy = stay(door, county, bed(door, county, home, county + "-I-1"), disabled(county, "MILD"),
                BatchFixtures.lastMonth().atDay(1), null);
        // every table holds a row of this county, so each row trigger has something to refuse
        FundFixtures.expect(door.send(BatchFixtures.createBatch(county, "BED", BatchFixtures.lastMonth())), 201);
        FundFixtures.expect(door.send(cn.yiyang.testing.ApiRequest.of("PUT", "/v1/batch-policies/allowance",
                "{\"bands\":[{\"fromAge\":80,\"toAge\":null,\"amountFen\":5000}]}").bearer(FundFixtures.officer(county))), 200);
        Map<String, String> aColumn = Map.of("batch", "maker", "batch_item", "amount_fen", "batch_approval", "approver",
                "batch_resolution", "outcome", "batch_policy", "body", "bed", "code", "batch_item_bed", "days");

        for (Map.Entry<String, String> t : aColumn.entrySet()) {
            String table = t.getKey();
            assertThat(FundProbe.tryStatement("update funds." + table + " set " + t.getValue() + " = " + t.getValue()))
                    .as("update " + table).contains("insert-only");
            assertThat(FundProbe.tryStatement("delete from funds." + table)).as("delete " + table).contains("insert-only");
            assertThat(FundProbe.tryStatement("truncate funds." + table + " cascade")).as("truncate " + table).contains("insert-only");
        }
        assertThat(FundProbe.tryStatement("update funds.occupancy set resident_id = 'someone-else' where id = '" + occupancy + "'"))
                .contains("only by one discharge");
        assertThat(FundProbe.tryStatement("delete from funds.occupancy where id = '" + occupancy + "'")).contains("only by one discharge");
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aBatchItemOrResolutionAlteredInTheDatabase_isFoundByVerify() {
        String county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        fundedBudget(door, county, "LONGEVITY_ALLOWANCE", 100_000);
        resident(county, thisMonth(), 92, ResidentCard.ACTIVE);
        String batch = BatchFixtures.postedBatch(door, county, "ALLOWANCE", thisMonth()).path("batch").path("id").asText();
        assertThat(FundFixtures.verify(door, county).path("batchesChecked").asLong()).isEqualTo(1);

        FundProbe.tamper("update funds.batch_item set amount_fen = 1 where batch_id = ?1", UUID.fromString(batch));

        com.fasterxml.jackson.databind.JsonNode verified = FundFixtures.verify(door, county);
        assertThat(verified.path("valid").asBoolean()).isFalse();
        assertThat(verified.path("firstBreak").path("kind").asText()).isEqualTo("BATCH_ALTERED");
        assertThat(verified.path("firstBreak").path("subjectId").asText()).isEqualTo(batch);

        FundProbe.tamper("update funds.batch_item set amount_fen = 10000 where batch_id = ?1", UUID.fromString(batch));
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
        FundProbe.tamper("update funds.batch_resolution set resolved_by = 'someone-else' where batch_id = ?1", UUID.fromString(batch));
        assertThat(FundFixtures.verify(door, county).path("firstBreak").path("kind").asText()).isEqualTo("BATCH_RESOLUTION_ALTERED");
    }

    @Test
    void theCountyIndex_answersOnlyThatCountysResidentsBornByTheDate_oldestFirst_pageByPage_upToTheLimit() {
        String county = FundFixtures.newCounty();
        LocalDate cutoff = LocalDate.of(1946, 6, 30);
        List<LocalDate> births = List.of(LocalDate.of(1930, 1, 2), LocalDate.of(1946, 6, 30), LocalDate.of(1925, 5, 5),
                LocalDate.of(1940, 12, 31), LocalDate.of(1935, 3, 3));
        for (LocalDate birth : births) {
            resident(county, birth, ResidentCard.ACTIVE, null);
        }
        resident(county, cutoff.plusDays(1), ResidentCard.ACTIVE, null);
        resident(FundFixtures.newCounty(), LocalDate.of(1920, 1, 1), ResidentCard.ACTIVE, null);

        List<ResidentCard> all = cards.bornOnOrBefore(county, cutoff, 100, 2);
        List<ResidentCard> three = cards.bornOnOrBefore(county, cutoff, 3, 2);

        assertThat(all).extracting(ResidentCard::birthDate).containsExactly(LocalDate.of(1925, 5, 5), LocalDate.of(1930, 1, 2),
                LocalDate.of(1935, 3, 3), LocalDate.of(1940, 12, 31), cutoff);
        assertThat(all).allMatch(c -> c.county().equals(county) && c.isActive() && c.name().equals("王阿婆"));
        assertThat(all).extracting(ResidentCard::residentId).allMatch(id -> UUID.fromString(id) != null);
        assertThat(three).hasSize(3);
    }
}
