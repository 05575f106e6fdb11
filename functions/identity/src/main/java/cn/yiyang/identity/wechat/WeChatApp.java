package cn.yiyang.identity.wechat;

import cn.yiyang.stores.secrets.DeploymentSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mini-program's identity towards WeChat: its app id and secret (from the Secrets Manager secret
 * the deployment names, else from configuration for the local gateway and the tests) and WeChat's
 * base URL (a stand-in's, locally).
 */
@ApplicationScoped
public class WeChatApp {

    private final DeploymentSecrets secrets;
    private final Optional<String> appId;
    private final Optional<String> appSecret;
    private final URI baseUrl;

    public WeChatApp(DeploymentSecrets secrets,
                     @ConfigProperty(name = "yiyang.wechat.app-id") Optional<String> appId,
                     @ConfigProperty(name = "yiyang.wechat.app-secret") Optional<String> appSecret,
                     @ConfigProperty(name = "yiyang.wechat.base-url", defaultValue = "https://api.weixin.qq.com") URI baseUrl) {
        this.secrets = secrets;
        this.appId = appId;
        this.appSecret = appSecret;
        this.baseUrl = baseUrl;
    }

    public String appId() {
        return secrets.value("yiyang.wechat.app-id").or(() -> appId)
                .orElseThrow(() -> new IllegalStateException("no WeChat app id configured"));
    }

    String appSecret() {
        return secrets.value("yiyang.wechat.app-secret").or(() -> appSecret)
                .orElseThrow(() -> new IllegalStateException("no WeChat app secret configured"));
    }

    public URI baseUrl() {
        return baseUrl;
    }
}
