package cn.yiyang.residents;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The JWT attacks through the Lambda door: API Gateway v2 events to the mock event server. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class JwtAttackLambdaTest extends JwtAttackScenarios {

    @Override
    protected Door door() {
        return LambdaDoor.ofThisTest();
    }
}
