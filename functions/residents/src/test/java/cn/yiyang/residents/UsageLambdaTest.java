package cn.yiyang.residents;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class UsageLambdaTest extends UsageScenarios {

    @Override
    protected Door door() {
        return LambdaDoor.ofThisTest();
    }
}
