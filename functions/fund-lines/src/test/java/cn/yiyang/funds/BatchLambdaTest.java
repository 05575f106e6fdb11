package cn.yiyang.funds;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class BatchLambdaTest extends BatchScenarios {

    @Override
    protected Door door() {
        return LambdaDoor.ofThisTest();
    }

    @Override
    protected void runBatchJob(String inCounty) {
        ApiAnswer run = LambdaDoor.ofThisTest().invoke(FundRoutes.POST_BATCHES.event(List.of(inCounty)));
        org.assertj.core.api.Assertions.assertThat(run.status()).isEqualTo(200);
    }
}
