package cn.yiyang.localgateway;

import cn.yiyang.embedded.WeChatStandIn;
import java.util.Map;
import java.util.UUID;

/**
 * The WeChat stand-in the local run signs mini-program users in with: typed codes such as
 * {@code wang~1} (a login as the openid {@code oStandIn-wang}) and {@code phone~13805710001~1} (the
 * phone-number button), each usable once. The app secret is made for this run only.
 */
final class LocalWeChat {

    static final String APP_ID = "wx-local-demo";

    private LocalWeChat() {
    }

    static Map<String, String> start() {
        String secret = UUID.randomUUID().toString();
        WeChatStandIn standIn = WeChatStandIn.start(APP_ID, secret);
        return Map.of("yiyang.wechat.base-url", standIn.baseUrl(),
                "yiyang.wechat.app-id", APP_ID,
                "yiyang.wechat.app-secret", secret);
    }
}
