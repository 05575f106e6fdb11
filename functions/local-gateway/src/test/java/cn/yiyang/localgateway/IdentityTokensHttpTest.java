package cn.yiyang.localgateway;

import cn.yiyang.identity.IdentityTestResource;
import cn.yiyang.identity.TokenScenarios;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Discovery, refresh rotation, reuse and sign-out through real HTTP on the local gateway. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class IdentityTokensHttpTest extends TokenScenarios {

    @Override
    protected Door door() {
        return new HttpDoor(HttpPort.PORT);
    }
}
