package cn.yiyang.localgateway;

import cn.yiyang.residents.PrivacyScenarios;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The personal-data scenarios (masks, look-up budget, disclosure log, landlines, name search) over real HTTP. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class PrivacyHttpTest extends PrivacyScenarios {

    @Override
    protected Door door() {
        return new HttpDoor(HttpPort.PORT);
    }
}
