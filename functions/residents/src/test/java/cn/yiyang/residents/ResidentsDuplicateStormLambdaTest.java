package cn.yiyang.residents;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.InProcessLambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class ResidentsDuplicateStormLambdaTest extends ResidentsDuplicateStormScenarios {

    @Inject
    ApiDispatcher dispatcher;

    @Override
    protected Door door() {
        return new InProcessLambdaDoor(dispatcher);
    }
}
