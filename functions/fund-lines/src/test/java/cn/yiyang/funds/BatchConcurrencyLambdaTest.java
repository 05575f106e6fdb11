package cn.yiyang.funds;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.InProcessLambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Batches and beds raced through the Lambda handler's dispatcher from many threads: many Lambda instances, one PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class BatchConcurrencyLambdaTest extends BatchConcurrencyScenarios {

    @Inject
    ApiDispatcher dispatcher;

    @Override
    protected Door door() {
        return new InProcessLambdaDoor(dispatcher);
    }
}
