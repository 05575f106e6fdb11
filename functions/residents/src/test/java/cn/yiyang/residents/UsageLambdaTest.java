package cn.yiyang.residents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.stores.dynamo.DynamoCallLog;
import cn.yiyang.stores.metering.LocalLogsDelivery;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.ScenarioCounties;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class UsageLambdaTest extends UsageScenarios {

    @Inject
    LocalLogsDelivery logs;

    @Override
    protected Door door() {
        return LambdaDoor.ofThisTest();
    }

    /** Before, every invocation of a PostgreSQL function also waited for one DynamoDB UpdateItem: its usage count. */
    @Test
    void aPostgresFunctionsInvocation_makesNoDynamoCall_forMeteringOrAnythingElse() {
        String county = ScenarioCounties.fresh();
        String id = ResidentFixtures.registerFresh(door(), county).json().path("id").asText();
        logs.flush();

        DynamoCallLog.startEverywhere();
        ApiAnswer read = door().send(ApiRequest.get("/v1/residents/" + id).bearer(ResidentFixtures.operator(county)));
        List<String> calls = DynamoCallLog.stopEverywhere();

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(calls).as("DynamoDB calls by any thread during the invocation").isEmpty();
    }
}
