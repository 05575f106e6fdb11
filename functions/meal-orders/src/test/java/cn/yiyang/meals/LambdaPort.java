package cn.yiyang.meals;

import org.eclipse.microprofile.config.ConfigProvider;

/** The mock Lambda event server's port in tests (src/test/resources/application.properties). */
final class LambdaPort {

    static final int PORT = ConfigProvider.getConfig()
            .getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);

    private LambdaPort() {
    }
}
