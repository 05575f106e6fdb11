package cn.yiyang.localgateway;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.timebank.JobEvents;
import cn.yiyang.timebank.TimeBankRulesScenarios;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The county's rules over HTTP on the local gateway. The expiry job has no HTTP route (EventBridge
 * invokes the Lambda directly), so it is handed to the gateway's own dispatcher as its event.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class TimeBankRulesHttpTest extends TimeBankRulesScenarios {

    @Inject
    ApiDispatcher dispatcher;

    @Override
    protected Door door() {
        return new HttpDoor(HttpPort.PORT);
    }

    @Override
    protected ApiAnswer runJob(Job job, String county) {
        return JobEvents.run(dispatcher, job, county);
    }
}
