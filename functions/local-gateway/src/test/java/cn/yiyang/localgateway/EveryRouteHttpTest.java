package cn.yiyang.localgateway;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.EveryRouteScenarios;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every route of every function, over real HTTP: text a store cannot hold and unexpected bodies are 400s. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class EveryRouteHttpTest extends EveryRouteScenarios {

    @Override
    protected Door door() {
        return new HttpDoor(HttpPort.PORT);
    }
}
