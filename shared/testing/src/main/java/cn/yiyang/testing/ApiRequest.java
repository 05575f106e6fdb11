package cn.yiyang.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request as a client sends it, whichever door it goes through. */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         String body) {

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, new LinkedHashMap<>(), new LinkedHashMap<>(), null);
    }

    public static ApiRequest post(String path, String json) {
        return of("POST", path, json);
    }

    public static ApiRequest patch(String path, String json) {
        return of("PATCH", path, json);
    }

    public static ApiRequest of(String method, String path, String json) {
        ApiRequest request = new ApiRequest(method, path, new LinkedHashMap<>(), new LinkedHashMap<>(), json);
        if (json != null) {
            request.headers.put("content-type", "application/json");
        }
        return request;
    }

    public ApiRequest header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public ApiRequest bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    public ApiRequest idempotencyKey(String key) {
        return header("idempotency-key", key);
    }

    /** The same request with another body (headers and query kept). */
    public ApiRequest withBody(String json) {
        return new ApiRequest(method, path, query, headers, json);
    }

    public ApiRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }
}
