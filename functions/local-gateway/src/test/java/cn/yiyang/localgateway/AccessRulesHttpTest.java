package cn.yiyang.localgateway;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The rule table's every cell over real HTTP, through the local gateway. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class AccessRulesHttpTest extends AccessRulesScenarios {

    @Override
    protected Door door() {
        return new HttpDoor(HttpPort.PORT);
    }
}
