package cn.yiyang.funds;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.InProcessLambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The Lambda handler's dispatcher from many threads at once: fifty Lambda instances, one duplicate each. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class FundDuplicateStormLambdaTest extends FundDuplicateStormScenarios {

    @Inject
    ApiDispatcher dispatcher;

    @Override
    protected Door door() {
        return new InProcessLambdaDoor(dispatcher);
    }
}
