package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.ledger.ReservedKeys;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A client's Idempotency-Key never takes a key the ledger pays batches, settlements and bank reversals under. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class ReservedKeysLambdaTest {

    private final LambdaDoor door = LambdaDoor.ofThisTest();

    @Test
    void aTransferUnderAKeyOfTheLedgersOwnNamespace_isRefused_andWritesNothing_anotherKeyIsTaken() {
        String county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        String budget = FundFixtures.fundedBudget(door, county, "MEAL_SUBSIDY", 100_000);
        String point = FundFixtures.payee(door, county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-1");
        long before = FundProbe.number("select count(*) from funds.transfer where county = ?1", county);

        for (String prefix : ReservedKeys.PREFIXES) {
            ApiAnswer refused = door.send(FundFixtures.payment(county, budget, point, 100).idempotencyKey(prefix + "2026-12:someone"));
            assertThat(refused.status()).as(prefix).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("code")).as(prefix).containsExactly("RESERVED_KEY");
            assertThat(refused.json().path("userMessage").asText()).isNotBlank();
        }
        assertThat(FundProbe.number("select count(*) from funds.transfer where county = ?1", county)).isEqualTo(before);
        expect(door.send(FundFixtures.payment(county, budget, point, 100).idempotencyKey("client:2026-12:someone")), 201);
    }
}
