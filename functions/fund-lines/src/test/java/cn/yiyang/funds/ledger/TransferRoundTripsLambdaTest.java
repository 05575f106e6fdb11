package cn.yiyang.funds.ledger;

import static cn.yiyang.funds.FundFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.FundFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.PgWireCounter;
import cn.yiyang.testing.WireCountedStoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What a transfer waits for, counted rather than timed: the round trips the fund-lines function
 * makes to PostgreSQL for a warm create and a warm approve, counted on the wire (each wait for the
 * server is one: statements sent together, a pipeline, count once; BEGIN and COMMIT included). README
 * "Round trips per transfer" justifies each.
 */
@QuarkusTest
@QuarkusTestResource(value = WireCountedStoresTestResource.class, restrictToAnnotatedClass = true)
class TransferRoundTripsLambdaTest {

    static final long CREATE_ROUND_TRIPS = 3;
    static final long APPROVE_ROUND_TRIPS = 4;

    private final Door door = LambdaDoor.ofThisTest();

    @Test
    void aTransferCreate_andItsApproval_makeTheCountedRoundTrips() {
        String county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        String budget = FundFixtures.fundedBudget(door, county, "MEAL_SUBSIDY", 1_000_000);
        String payee = FundFixtures.payee(door, county, "MEAL_SUBSIDY", "MEAL_POINT", "rt-point");
        createAndApprove(county, budget, payee); // the statements' first use: prepared once per connection

        long[] create = new long[1];
        String id = counted(create, () -> expect(door.send(FundFixtures.payment(county, budget, payee, 100)), 201))
                .json().path("id").asText();
        long[] approve = new long[1];
        ApiAnswer approved = counted(approve, () -> expect(door.send(FundFixtures.approve(county, id)), 200));

        assertThat(approved.json().path("status").asText()).isEqualTo("POSTED");
        System.out.printf("round trips per transfer: create %d, approve %d%n", create[0], approve[0]);
        assertThat(create[0]).as("round trips of a warm transfer create").isEqualTo(CREATE_ROUND_TRIPS);
        assertThat(approve[0]).as("round trips of a warm approve").isEqualTo(APPROVE_ROUND_TRIPS);
    }

    private void createAndApprove(String county, String budget, String payee) {
        String id = expect(door.send(FundFixtures.payment(county, budget, payee, 100)), 201).json().path("id").asText();
        expect(door.send(FundFixtures.approve(county, id)), 200);
    }

    private static ApiAnswer counted(long[] roundTrips, Supplier<ApiAnswer> call) {
        long before = PgWireCounter.sharedWarmRoundTrips(WireCountedStoresTestResource.COUNTER);
        ApiAnswer answer = call.get();
        roundTrips[0] = PgWireCounter.sharedWarmRoundTrips(WireCountedStoresTestResource.COUNTER) - before;
        return answer;
    }
}
