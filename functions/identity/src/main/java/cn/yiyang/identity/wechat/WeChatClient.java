package cn.yiyang.identity.wechat;

import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.kernel.problem.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The two WeChat calls sign-in needs, in a small client of our own rather than WxJava's
 * weixin-java-miniapp: that SDK brings an HTTP stack, XStream and a reflective bean layer (slow cold
 * start, much native-image configuration) for two GETs and a POST. {@code session_key} is never
 * kept, logged or answered: we need only the openid.
 */
@ApplicationScoped
public class WeChatClient {

    public static final int CODE_CHARS_MAX = 128;

    private final WeChatApp app;
    private final WeChatAccessToken accessToken;
    private final WeChatCalls calls = new WeChatCalls();

    public WeChatClient(WeChatApp app, WeChatAccessToken accessToken) {
        this.app = app;
        this.accessToken = accessToken;
    }

    /** Who signed in: the openid (and unionid when the app is in an open-platform account). */
    public record Session(String openid, String unionid) {
    }

    /** {@code wx.login}'s code → {@code jscode2session}. */
    public Session session(String loginCode) {
        checkCode(loginCode, "code");
        JsonNode answer = calls.get(app.baseUrl().resolve("/sns/jscode2session?appid=" + encode(app.appId())
                + "&secret=" + encode(app.appSecret()) + "&js_code=" + encode(loginCode)
                + "&grant_type=authorization_code"));
        int errcode = WeChatCalls.errcode(answer);
        String openid = answer.path("openid").asText("");
        if (errcode != 0 || openid.isEmpty()) {
            throw WeChatCalls.problem(errcode);
        }
        String unionid = answer.path("unionid").asText(null);
        return new Session(openid, unionid);
    }

    /** The phone-number button's code → the user's verified mainland phone (digits only). */
    public String phoneNumber(String phoneCode) {
        checkCode(phoneCode, "phoneCode");
        String body = cn.yiyang.kernel.json.StrictJson.write(Map.of("code", phoneCode));
        String token = accessToken.current();
        JsonNode answer = calls.post(phoneUri(token), body);
        int errcode = WeChatCalls.errcode(answer);
        if (errcode == WeChatCalls.ACCESS_TOKEN_INVALID || errcode == WeChatCalls.ACCESS_TOKEN_EXPIRED) {
            answer = calls.post(phoneUri(accessToken.replace(token)), body);
            errcode = WeChatCalls.errcode(answer);
        }
        if (errcode != 0) {
            throw WeChatCalls.problem(errcode);
        }
        JsonNode info = answer.path("phone_info");
        if (!"86".equals(info.path("countryCode").asText())) {
            throw new ApiException(IdentityProblem.PHONE_NOT_MAINLAND, "Only mainland mobile numbers can bind");
        }
        return info.path("purePhoneNumber").asText();
    }

    private URI phoneUri(String token) {
        return app.baseUrl().resolve("/wxa/business/getuserphonenumber?access_token=" + encode(token));
    }

    private static void checkCode(String code, String field) {
        if (code == null || code.isBlank() || code.length() > CODE_CHARS_MAX) {
            throw ApiException.invalid(field, "REQUIRED", "A WeChat code of at most " + CODE_CHARS_MAX + " characters");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
