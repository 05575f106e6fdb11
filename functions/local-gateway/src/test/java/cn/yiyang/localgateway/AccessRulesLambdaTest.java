package cn.yiyang.localgateway;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.InProcessLambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The rule table's every cell through the Lambda handler's dispatcher, fed API Gateway v2 events. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class AccessRulesLambdaTest extends AccessRulesScenarios {

    @Inject
    ApiDispatcher dispatcher;

    @Override
    protected Door door() {
        return new InProcessLambdaDoor(dispatcher);
    }
}
