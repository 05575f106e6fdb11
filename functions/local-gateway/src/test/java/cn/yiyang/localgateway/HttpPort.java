package cn.yiyang.localgateway;

import org.eclipse.microprofile.config.ConfigProvider;

final class HttpPort {

    static final int PORT = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);

    private HttpPort() {
    }
}
