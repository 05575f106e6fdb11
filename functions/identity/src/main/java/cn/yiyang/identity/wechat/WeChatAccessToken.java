package cn.yiyang.identity.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The app's WeChat access token: fetched with the app secret, kept in memory, fetched again
 * {@value #REFRESH_BEFORE_EXPIRY_SECONDS} s before it expires or as soon as WeChat calls it invalid,
 * one fetch at a time (a second fetch would invalidate the first one's token at WeChat).
 */
@ApplicationScoped
public class WeChatAccessToken {

    public static final long REFRESH_BEFORE_EXPIRY_SECONDS = 300;
    public static final long LIFETIME_SECONDS_MAX = 7200;

    private final WeChatApp app;
    private final WeChatCalls calls = new WeChatCalls();
    private final Clock clock;
    private volatile Held held;

    public WeChatAccessToken(WeChatApp app, Clock clock) {
        this.app = app;
        this.clock = clock;
    }

    public String current() {
        Held known = held;
        if (known != null && fresh(known)) {
            return known.token();
        }
        synchronized (this) {
            if (held == null || !fresh(held)) {
                held = fetch();
            }
            return held.token();
        }
    }

    /** WeChat called {@code stale} invalid: fetch again, unless another caller already did. */
    public String replace(String stale) {
        synchronized (this) {
            if (held == null || held.token().equals(stale)) {
                held = fetch();
            }
            return held.token();
        }
    }

    private boolean fresh(Held known) {
        return clock.instant().isBefore(known.expiresAt().minusSeconds(REFRESH_BEFORE_EXPIRY_SECONDS));
    }

    private Held fetch() {
        URI uri = app.baseUrl().resolve("/cgi-bin/token?grant_type=client_credential&appid=" + encode(app.appId())
                + "&secret=" + encode(app.appSecret()));
        JsonNode answer = calls.get(uri);
        String token = answer.path("access_token").asText("");
        if (WeChatCalls.errcode(answer) != 0 || token.isEmpty()) {
            throw WeChatCalls.unavailable("WeChat gave no access token (errcode " + WeChatCalls.errcode(answer) + ")");
        }
        long seconds = Math.min(LIFETIME_SECONDS_MAX, Math.max(0, answer.path("expires_in").asLong(0)));
        return new Held(token, clock.instant().plusSeconds(seconds));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Held(String token, Instant expiresAt) {
    }
}
