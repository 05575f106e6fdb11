package cn.yiyang.funds;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class CaregiverLambdaTest extends CaregiverScenarios {

    @Override
    protected Door door() {
        return LambdaDoor.ofThisTest();
    }
}
