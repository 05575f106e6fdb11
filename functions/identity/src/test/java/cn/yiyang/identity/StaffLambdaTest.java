package cn.yiyang.identity;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Staff accounts and sign-in through the Lambda door: raw API Gateway v2 events to the mock event server. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class StaffLambdaTest extends StaffSignInScenarios {

    @Override
    protected Door door() {
        return LambdaDoor.ofThisTest();
    }
}
