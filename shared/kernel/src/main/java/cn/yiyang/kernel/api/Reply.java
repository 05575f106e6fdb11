package cn.yiyang.kernel.api;

import cn.yiyang.kernel.json.StrictJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

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

    /** The header that marks an answer given again from an idempotency record. */
    public static final String REPLAYED_HEADER = "idempotent-replayed";

    /** The first answer given again: its status, body and headers (a Location too), marked as replayed. */
    public static Reply replayed(int status, String json, String storedHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        storedHeaders.lines().filter(line -> !line.isEmpty()).forEach(line -> {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        });
        headers.put(REPLAYED_HEADER, "true");
        return new Reply(status, json, headers);
    }

    /**
     * This answer's headers as an idempotency record keeps them, so that a replay gives them again: one
     * "name: value" per line, sorted (header names and values never hold a line break).
     */
    public String storedHeaders() {
        StringBuilder stored = new StringBuilder();
        new TreeMap<>(headers).forEach((name, value) -> {
            if (!name.equals(REPLAYED_HEADER)) {
                stored.append(name).append(": ").append(value).append('\n');
            }
        });
        return stored.toString();
    }

    public static Reply ok(Object body) {
        return new Reply(200, StrictJson.write(body), Map.of(), body.getClass());
    }

    public static Reply created(Object body) {
        return new Reply(201, StrictJson.write(body), Map.of(), body.getClass());
    }

}
