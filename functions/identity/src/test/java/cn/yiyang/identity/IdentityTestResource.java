package cn.yiyang.identity;

import cn.yiyang.embedded.WeChatStandIn;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.TestKeys;
import cn.yiyang.testing.Tokens;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The real stores, the WeChat stand-in, and the identity function signing with its local signer on
 * the test identity key: a key every test application trusts through the test JWKS, as every
 * function trusts the identity function's JWKS in a deployment.
 */
public class IdentityTestResource extends StoresTestResource {

    public static final String APP_ID = "wx-test-app";
    public static final String APP_SECRET = "wx-test-secret";
    /** The stand-in's base URL, JVM-wide: tests run in another class loader than this resource. */
    public static final String WECHAT_URL_PROPERTY = "yiyang.test.wechat-url";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("yiyang.identity.signer", "local");
        config.put("yiyang.identity.local.private-key", Base64.getEncoder().encodeToString(TestKeys.IDENTITY.getPrivate().getEncoded()));
        config.put("yiyang.identity.local.key-id", TestKeys.IDENTITY_KID);
        config.put("yiyang.identity.issuer", Tokens.ISSUER);
        config.put("yiyang.identity.audience", Tokens.AUDIENCE);
        config.put("yiyang.wechat.base-url", weChatStandIn());
        config.put("yiyang.wechat.app-id", APP_ID);
        config.put("yiyang.wechat.app-secret", APP_SECRET);
        return config;
    }

    /** Started once per JVM, like the stores; the server's threads are daemons and end with it. */
    public static String weChatStandIn() {
        synchronized (System.class) {
            String url = System.getProperty(WECHAT_URL_PROPERTY);
            if (url == null) {
                url = WeChatStandIn.start(APP_ID, APP_SECRET).baseUrl();
                System.setProperty(WECHAT_URL_PROPERTY, url);
            }
            return url;
        }
    }
}
