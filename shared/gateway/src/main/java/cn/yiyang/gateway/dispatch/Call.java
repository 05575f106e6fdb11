package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.IdempotencyKey;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Route;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One routed request, as every operation sees it, whichever door it came through. The caller is
 * authenticated, except on an open route ({@link Route#open()}), where it is null.
 */
public record Call(Route route, Caller caller, Map<String, String> pathParams, Map<String, String> query,
                   String body, Optional<IdempotencyKey> idempotencyKey, String requestId, Instant receivedAt) {

    public String county() {
        return caller.county();
    }

    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route " + route.key() + " has no path parameter " + name);
        }
        return value;
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    public String requiredQueryParam(String name) {
        return queryParam(name).orElseThrow(() -> new ApiException(CommonProblem.MISSING_PARAMETER,
                "Query parameter '" + name + "' is required"));
    }

    public <T> T body(Class<T> type) {
        return StrictJson.read(body, type);
    }
}
