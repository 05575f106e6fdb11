package cn.yiyang.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for WeChat's mini-program server API on loopback, speaking its JSON (errcode/errmsg
 * included), for the local gateway and the tests:
 * <ul>
 * <li>{@code GET /sns/jscode2session}: a login code works once (40163 the second time); unknown
 * codes are 40029. Besides codes made with {@link #loginCode(String)}, any code
 * {@code <name>~<anything>} signs in the openid {@code oStandIn-<name>}, so a person trying the
 * local gateway can type codes; {@code busy~…} answers -1 and {@code limit~…} 45011.</li>
 * <li>{@code GET /cgi-bin/token}: the app's access token, for the app id and secret given here.</li>
 * <li>{@code POST /wxa/business/getuserphonenumber?access_token=…}: a phone code works once; besides
 * codes made with {@link #phoneCode(String)}, {@code phone~<11 digits>~<anything>} gives that phone.</li>
 * <li>{@code GET /stand-in/token-fetches}, {@code POST /stand-in/invalidate-access-token}: for tests in
 * another class loader than the one that started it.</li>
 * </ul>
 */
public final class WeChatStandIn implements AutoCloseable {

    public static final String OPENID_PREFIX = "oStandIn-";
    public static final int CODES_MAX = 100_000;
    private static final Pattern TYPED_LOGIN = Pattern.compile("([a-z0-9-]{1,40})~[A-Za-z0-9-]{1,40}");
    private static final Pattern TYPED_PHONE = Pattern.compile("phone~(1[3-9][0-9]{9})~[A-Za-z0-9-]{1,40}");

    private final String appId;
    private final String appSecret;
    private final HttpServer server;
    private final Map<String, String> loginCodes = new ConcurrentHashMap<>();
    private final Map<String, String> phoneCodes = new ConcurrentHashMap<>();
    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenFetches = new AtomicInteger();
    private volatile String accessToken = "";
    private volatile int tokenSeconds = 7200;

    private WeChatStandIn(String appId, String appSecret) throws IOException {
        this.appId = appId;
        this.appSecret = appSecret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sns/jscode2session", this::jscode2session);
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/wxa/business/getuserphonenumber", this::phoneNumber);
        server.createContext("/stand-in/token-fetches", e -> send(e, "{\"tokenFetches\":" + tokenFetches.get() + "}"));
        server.createContext("/stand-in/invalidate-access-token", e -> {
            invalidateAccessToken();
            send(e, "{}");
        });
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "wechat-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static WeChatStandIn start(String appId, String appSecret) {
        try {
            return new WeChatStandIn(appId, appSecret);
        } catch (IOException e) {
            throw new IllegalStateException("the WeChat stand-in could not start", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A fresh login code, as {@code wx.login} gives the mini-program, for this openid. */
    public String loginCode(String openid) {
        String code = "login-" + UUID.randomUUID();
        remember(loginCodes, code, openid);
        return code;
    }

    /** A fresh code from the phone-number button, for this 11-digit phone. */
    public String phoneCode(String phone) {
        String code = "phone-" + UUID.randomUUID();
        remember(phoneCodes, code, phone);
        return code;
    }

    public int tokenFetches() {
        return tokenFetches.get();
    }

    /** How long the next access tokens live, e.g. short to see them refreshed. */
    public void tokenSeconds(int seconds) {
        this.tokenSeconds = seconds;
    }

    /** Makes the current access token invalid (40001), as WeChat does when another fetch replaced it. */
    public void invalidateAccessToken() {
        accessToken = "revoked";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void jscode2session(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        if (!appId.equals(query.get("appid")) || !appSecret.equals(query.get("secret"))
                || !"authorization_code".equals(query.get("grant_type"))) {
            send(exchange, error(40013, "invalid appid"));
            return;
        }
        String code = query.getOrDefault("js_code", "");
        if (code.startsWith("busy~")) {
            send(exchange, error(-1, "system error"));
            return;
        }
        if (code.startsWith("limit~")) {
            send(exchange, error(45011, "api minute-quota reach limit  mustslower  retry next minute"));
            return;
        }
        Matcher typed = TYPED_LOGIN.matcher(code);
        String openid = loginCodes.getOrDefault(code, typed.matches() ? OPENID_PREFIX + typed.group(1) : null);
        if (openid == null) {
            send(exchange, error(40029, "invalid code"));
        } else if (!spent.add("login|" + code)) {
            send(exchange, error(40163, "code been used"));
        } else {
            send(exchange, "{\"openid\":\"" + openid + "\",\"session_key\":\"" + UUID.randomUUID()
                    + "\",\"unionid\":\"u-" + openid + "\"}");
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        if (!appId.equals(query.get("appid")) || !appSecret.equals(query.get("secret"))) {
            send(exchange, error(40125, "invalid appsecret"));
            return;
        }
        tokenFetches.incrementAndGet();
        accessToken = "at-" + UUID.randomUUID();
        send(exchange, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + tokenSeconds + "}");
    }

    private void phoneNumber(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod()) || !accessToken.equals(query.get("access_token"))) {
            send(exchange, error(40001, "invalid credential, access_token is invalid or not latest"));
            return;
        }
        Matcher field = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]{1,128})\"").matcher(body);
        String code = field.find() ? field.group(1) : "";
        Matcher typed = TYPED_PHONE.matcher(code);
        String phone = phoneCodes.getOrDefault(code, typed.matches() ? typed.group(1) : null);
        if (phone == null) {
            send(exchange, error(40029, "invalid code"));
        } else if (!spent.add("phone|" + code)) {
            send(exchange, error(40163, "code been used"));
        } else {
            send(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + phone
                    + "\",\"purePhoneNumber\":\"" + phone + "\",\"countryCode\":\"86\",\"watermark\":{\"timestamp\":"
                    + System.currentTimeMillis() / 1000 + ",\"appid\":\"" + appId + "\"}}}");
        }
    }

    private static void remember(Map<String, String> codes, String code, String value) {
        if (codes.size() >= CODES_MAX) {
            codes.clear();
        }
        codes.put(code, value);
    }

    private static String error(int code, String message) {
        return "{\"errcode\":" + code + ",\"errmsg\":\"" + message + "\"}";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        // WeChat answers 200 with an errcode in the body, even for errors.
        exchange.getResponseHeaders().add("Content-Type", "application/json; encoding=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
