package cn.yiyang.identity;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.EveryRouteScenarios;
import cn.yiyang.testing.LambdaDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The identity function's routes through the Lambda door: text a store cannot hold and unexpected bodies are 400s. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class EveryRouteLambdaTest extends EveryRouteScenarios {

    @Override
    protected Door door() {
        return LambdaDoor.ofThisTest();
    }
}
