package cn.yiyang.localgateway;

import cn.yiyang.residents.JwtAttackScenarios;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The JWT attack suite through real HTTP on the local gateway. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class JwtAttackHttpTest extends JwtAttackScenarios {

    @Override
    protected Door door() {
        return new HttpDoor(HttpPort.PORT);
    }
}
