package cn.yiyang.localgateway;

import cn.yiyang.identity.IdentityTestResource;
import cn.yiyang.identity.StaffSignInScenarios;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Staff accounts and sign-in through real HTTP on the local gateway. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class StaffSignInHttpTest extends StaffSignInScenarios {

    @Override
    protected Door door() {
        return new HttpDoor(HttpPort.PORT);
    }
}
