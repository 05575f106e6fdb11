package cn.yiyang.meals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.Priming;
import cn.yiyang.stores.dynamo.DynamoCallLog;
import cn.yiyang.stores.dynamo.DynamoTables;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import cn.yiyang.testing.StoresTestResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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

    @Inject
    DynamoDbClient client;

    @Inject
    DynamoTables tables;

    @Test
    void priming_readsThroughThePrimingRoute_andWritesNothing() {
        DynamoCallLog.start();
        priming.prime();
        List<String> calls = DynamoCallLog.stop();

        assertThat(calls).as("the priming read reached DynamoDB").isNotEmpty();
        assertThat(calls).as("nothing written").allMatch(READS::contains);
    }

    /**
     * Injecting the client does not build it (a start would pay ~1,100 SDK classes for a function whose first
     * request may never call DynamoDB); the checkpoint does, so a SnapStart snapshot holds it built. The tests'
     * start made tables with it, so it is dropped first (the next call builds a new one).
     */
    @Test
    void theDynamoClient_isInjectedAsAProxy_andTheCheckpointBuildsIt() {
        assertThat(client).as("a client proxy, built on its first call").isInstanceOf(ClientProxy.class);
        var bean = ((ClientProxy) client).arc_bean();
        var context = Arc.container().getActiveContext(ApplicationScoped.class);
        context.destroy(bean);
        assertThat(context.get(bean)).as("no client until something calls it").isNull();

        tables.beforeCheckpoint(null);

        assertThat(context.get(bean)).as("the client the snapshot holds").isNotNull();
    }
}
