package cn.yiyang.meals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.Priming;
import cn.yiyang.stores.dynamo.DynamoCallLog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import cn.yiyang.testing.StoresTestResource;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming (what runs in the CRaC beforeCheckpoint) walks the real path to DynamoDB and
 * writes nothing: its calls, counted on its thread, are reads only.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class PrimingLambdaTest {

    private static final List<String> READS = List.of("GetItem", "BatchGetItem", "Query", "Scan");

    @Inject
    Priming priming;

    @Test
    void priming_readsThroughThePrimingRoute_andWritesNothing() {
        DynamoCallLog.start();
        priming.prime();
        List<String> calls = DynamoCallLog.stop();

        assertThat(calls).as("the priming read reached DynamoDB").isNotEmpty();
        assertThat(calls).as("nothing written").allMatch(READS::contains);
    }
}
