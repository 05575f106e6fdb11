package cn.yiyang.localgateway;

import cn.yiyang.funds.FundConcurrencyScenarios;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The ledger's races over real HTTP; the bank test here is a tenth of the Lambda door's 20,000. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class FundConcurrencyHttpTest extends FundConcurrencyScenarios {

    @Override
    protected Door door() {
        return new HttpDoor(HttpPort.PORT);
    }

    @Override
    protected int bankTransfers() {
        return Integer.getInteger("yiyang.bank.http-transfers", 2_000);
    }
}
