package cn.yiyang.localgateway;

import cn.yiyang.embedded.LocalStores;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;

/**
 * Starts the stores (embedded PostgreSQL and DynamoDB Local, unless YIYANG_PG_URL /
 * YIYANG_DYNAMO_ENDPOINT name servers), makes this run's dev keys, starts the WeChat stand-in, then
 * serves every function's routes on localhost:8080.
 */
@QuarkusMain
public final class LocalGatewayMain {

    private LocalGatewayMain() {
    }

    public static void main(String... args) {
        Map<String, String> stores = LocalStores.startIfNeeded();
        stores.forEach(System::setProperty);
        DevKeys.forThisRun().asConfig().forEach(System::setProperty);
        LocalWeChat.start().forEach(System::setProperty);
        Quarkus.run(args);
    }
}
