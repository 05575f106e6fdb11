package cn.yiyang.kernel.api;

import cn.yiyang.kernel.json.StrictJson;
import java.util.Map;

/**
 * What an operation answers: a status and the JSON body already written, so a replay of an
 * idempotent request can return the very same bytes.
 */
public record Reply(int status, String json, Map<String, String> headers) {

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply ok(Object body) {
        return new Reply(200, StrictJson.write(body), Map.of());
    }

    public static Reply created(Object body) {
        return new Reply(201, StrictJson.write(body), Map.of());
    }
}
