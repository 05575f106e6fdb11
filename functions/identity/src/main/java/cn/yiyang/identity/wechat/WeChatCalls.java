package cn.yiyang.identity.wechat;

import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.kernel.problem.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP call to WeChat and its JSON answer. WeChat answers 200 with an {@code errcode} for its
 * errors; the ones a caller can act on become problems here: an invalid or used code (40029,
 * 40163), the rate limit (45011), and WeChat busy or out of reach (-1, I/O).
 */
final class WeChatCalls {

    public static final int TIMEOUT_SECONDS = 5;
    public static final int ANSWER_CHARS_MAX = 16 * 1024;
    static final int INVALID_CODE = 40029;
    static final int CODE_USED = 40163;
    static final int RATE_LIMITED = 45011;
    static final int BUSY = -1;
    static final int ACCESS_TOKEN_INVALID = 40001;
    static final int ACCESS_TOKEN_EXPIRED = 42001;

    private final HttpClient client;

    WeChatCalls() {
        // Made at run time, per bean: nothing holding sockets or threads is built into a native image.
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build();
    }

    JsonNode get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).GET().build());
    }

    JsonNode post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200 || answer.body().length() > ANSWER_CHARS_MAX) {
                throw unavailable("WeChat answered HTTP " + answer.statusCode());
            }
            return StrictJson.mapper().readTree(answer.body());
        } catch (IOException e) {
            throw unavailable("WeChat is out of reach: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while calling WeChat");
        }
    }

    static int errcode(JsonNode answer) {
        return answer.path("errcode").asInt(0);
    }

    /** The problem for a WeChat error a code-taking call got; never WeChat's own message (it may echo input). */
    static ApiException problem(int errcode) {
        return switch (errcode) {
            case INVALID_CODE, CODE_USED -> new ApiException(IdentityProblem.WECHAT_CODE_INVALID,
                    "WeChat refused the code (errcode " + errcode + "): invalid, expired or used");
            case RATE_LIMITED -> new ApiException(IdentityProblem.WECHAT_RATE_LIMITED, "WeChat's rate limit (45011)");
            default -> unavailable("WeChat answered errcode " + errcode);
        };
    }

    static ApiException unavailable(String detail) {
        return new ApiException(IdentityProblem.WECHAT_UNAVAILABLE, detail);
    }
}
