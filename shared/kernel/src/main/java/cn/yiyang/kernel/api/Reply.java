package cn.yiyang.kernel.api;

import cn.yiyang.kernel.json.StrictJson;
import java.util.Map;

/**
 * What an operation answers: a status and the JSON body already written, so a replay of an
 * idempotent request can return the very same bytes. {@code bodyType} is the Java type the body
 * was written from, so the request path can hold it to the type the route's binding declares (the
 * API document's schema); null where the body was not written here (a replay from a store).
 */
public record Reply(int status, String json, Map<String, String> headers, Class<?> bodyType) {

    public Reply {
        headers = Map.copyOf(headers);
    }

    /** A body written elsewhere (a replay, a document kept as text): its type is not known. */
    public Reply(int status, String json, Map<String, String> headers) {
        this(status, json, headers, null);
    }

    public static Reply ok(Object body) {
        return new Reply(200, StrictJson.write(body), Map.of(), body.getClass());
    }

    public static Reply created(Object body) {
        return new Reply(201, StrictJson.write(body), Map.of(), body.getClass());
    }

}
