package cn.yiyang.localgateway;

import cn.yiyang.identity.IdentityTestResource;
import cn.yiyang.identity.WeChatScenarios;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The mini-program's sign-in and bindings through real HTTP on the local gateway. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class WeChatSignInHttpTest extends WeChatScenarios {

    @Override
    protected Door door() {
        return new HttpDoor(HttpPort.PORT);
    }
}
