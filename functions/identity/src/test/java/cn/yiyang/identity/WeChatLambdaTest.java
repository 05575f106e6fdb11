package cn.yiyang.identity;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The mini-program's sign-in and bindings through the Lambda door: raw API Gateway v2 events. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class WeChatLambdaTest extends WeChatScenarios {

    @Override
    protected Door door() {
        return LambdaDoor.ofThisTest();
    }
}
