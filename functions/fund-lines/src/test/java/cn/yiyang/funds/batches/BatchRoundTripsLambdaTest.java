package cn.yiyang.funds.batches;

import static cn.yiyang.funds.FundFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.funds.BatchFixtures;
import cn.yiyang.funds.FundFixtures;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.PgWireCounter;
import cn.yiyang.testing.WireCountedStoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the batch and bed routes wait for, counted on the wire rather than timed (as TransferRoundTripsLambdaTest
 * does for a transfer): a warm allowance batch made, read, listed and approved (posted within the approval), a bed
 * registered, a resident admitted and the bed read. Reading rows by name instead of by position (issue 18) sent the
 * same statements: these counts were the same before it.
 */
@QuarkusTest
@QuarkusTestResource(value = WireCountedStoresTestResource.class, restrictToAnnotatedClass = true)
class BatchRoundTripsLambdaTest {

    /** Counted on this code and on the code before it (rows by position through Hibernate's native queries): equal. */
    static final Map<String, Long> ROUND_TRIPS = Map.of(
            "create batch", 24L, "get batch", 4L, "list batches", 2L, "approve batch", 39L,
            "register bed", 12L, "admit", 12L, "get bed", 2L);

    private final Door door = LambdaDoor.ofThisTest();

    @Test
    void batchAndBedRoutes_makeTheCountedRoundTrips() {
        String county = FundFixtures.newCounty();
        YearMonth month = BatchFixtures.thisMonth();
        FundFixtures.installLines(door, county);
        FundFixtures.fundedBudget(door, county, "LONGEVITY_ALLOWANCE", 1_000_000);
        for (int age : new int[] {80, 95, 101}) {
            BatchFixtures.resident(county, month, age, ResidentCard.ACTIVE);
        }
        String institution = BatchFixtures.institution(door, county, "rt-home");
        Map<String, Long> counted = new LinkedHashMap<>();
        // the statements' first use (prepared once per connection), then the counted, warm run
        for (int run = 0; run < 2; run++) {
            counted.clear();
            YearMonth batchMonth = month.minusMonths(run);
            String id = counted(counted, "create batch", () -> expect(door.send(BatchFixtures.createBatch(county, "ALLOWANCE",
                    batchMonth)), 201)).json().path("batch").path("id").asText();
            counted(counted, "get batch", () -> expect(door.send(ApiRequest.get("/v1/batches/" + id)
                    .bearer(FundFixtures.auditor(county))), 200));
            counted(counted, "list batches", () -> expect(door.send(ApiRequest.get("/v1/batches")
                    .bearer(FundFixtures.auditor(county))), 200));
            ApiAnswer approved = counted(counted, "approve batch", () -> expect(door.send(BatchFixtures.approveBatch(county, id,
                    FundFixtures.approver(county))), 200));
            assertThat(approved.json().path("batch").path("status").asText()).isEqualTo("POSTED");
            String bed = counted(counted, "register bed", () -> expect(door.send(BatchFixtures.registerBed(county, institution,
                    "RT-" + batchMonth.getMonthValue())), 201)).json().path("id").asText();
            String resident = BatchFixtures.disabled(county, null);
            counted(counted, "admit", () -> expect(door.send(BatchFixtures.admission(county, bed, resident,
                    LocalDate.now(CountyTime.ZONE))), 201));
            counted(counted, "get bed", () -> expect(door.send(ApiRequest.get("/v1/beds/" + bed)
                    .bearer(FundFixtures.auditor(county))), 200));
        }

        System.out.println("round trips per batch and bed route: " + counted);
        assertThat(counted).as("round trips of each warm route").isEqualTo(ROUND_TRIPS);
    }

    private static ApiAnswer counted(Map<String, Long> counted, String route, Supplier<ApiAnswer> call) {
        long before = PgWireCounter.sharedWarmRoundTrips(WireCountedStoresTestResource.COUNTER);
        ApiAnswer answer = call.get();
        counted.put(route, PgWireCounter.sharedWarmRoundTrips(WireCountedStoresTestResource.COUNTER) - before);
        return answer;
    }
}
