package cn.yiyang.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda door: each request becomes the raw API Gateway HTTP API (v2) event JSON that AWS
 * would send, posted to Quarkus's mock Lambda event server, and the v2 response is read back.
 */
public final class LambdaDoor implements Door {

    /**
     * Not sent by the function: the door adds it, with the size in bytes of the Lambda's whole answer
     * (the v2 response JSON), so a test can hold an answer to Lambda's 6 MB response limit.
     */
    public static final String RESPONSE_BYTES = "x-test-lambda-response-bytes";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final int port;

    public LambdaDoor(int port) {
        this.port = port;
    }

    /** The door to this test application's mock event server (its test port, from configuration). */
    public static LambdaDoor ofThisTest() {
        return new LambdaDoor(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.lambda.mock-event-server.test-port", Integer.class));
    }

    @Override
    public ApiAnswer send(ApiRequest request) {
        ApiAnswer answer = invoke(eventJson(request));
        Answers.received();
        ContractCheck.verify(request, answer);
        return answer;
    }

    /** A direct invocation with any event, as EventBridge makes for a scheduled job. */
    public ApiAnswer invoke(Map<String, Object> event) {
        try {
            return invoke(JSON.writeValueAsString(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiAnswer invoke(String event) {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .timeout(Loopback.REQUEST_TIMEOUT)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = Loopback.CLIENT.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the Lambda invocation itself failed: " + response.statusCode() + " " + response.body());
            }
            JsonNode v2 = JSON.readTree(response.body());
            Map<String, String> headers = new HashMap<>();
            v2.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
            headers.put(RESPONSE_BYTES, Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length));
            JsonNode body = v2.get("body");
            return new ApiAnswer(v2.path("statusCode").asInt(), headers, body == null || body.isNull() ? null : body.asText());
        } catch (IOException e) {
            throw new IllegalStateException("Lambda door failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The v2 event for a request, as API Gateway builds it (header names lower-cased). */
    public static String eventJson(ApiRequest request) {
        Instant now = Instant.now();
        String rawQuery = Loopback.queryString(request.query());
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("path", request.path());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "yiyang-tests");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "localhost");
        context.put("domainPrefix", "localhost");
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", now.toString());
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", request.path());
        event.put("rawQueryString", rawQuery);
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        event.put("headers", headers);
        if (!request.query().isEmpty()) {
            event.put("queryStringParameters", request.query());
        }
        event.put("requestContext", context);
        if (request.body() != null) {
            event.put("body", request.body());
        }
        event.put("isBase64Encoded", false);
        try {
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
