package cn.yiyang.timebank;

import cn.yiyang.kernel.route.Job;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The county's rules through the Lambda handler; the job invoked as EventBridge invokes it. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class TimeBankRulesLambdaTest extends TimeBankRulesScenarios {

    private final LambdaDoor lambda = LambdaDoor.ofThisTest();

    @Override
    protected Door door() {
        return lambda;
    }

    @Override
    protected ApiAnswer runJob(Job job, String county) {
        return lambda.invoke(job.event(List.of(county)));
    }
}
