package cn.yiyang.residents;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The personal-data scenarios through the Lambda handler fed API Gateway v2 events. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class PrivacyLambdaTest extends PrivacyScenarios {

    @Override
    protected Door door() {
        return LambdaDoor.ofThisTest();
    }
}
