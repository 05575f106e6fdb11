package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a method and raw path against the declared routes. A literal segment beats a
 * parameter ({@code /v1/bookings/overdue} before {@code /v1/bookings/{id}}). Path parameters are
 * percent-decoded and limited in length.
 */
public final class RouteTable {

    public static final int PATH_CHARS_MAX = 512;
    public static final int PATH_PARAM_CHARS_MAX = 64;

    private final List<Binding> bindings;

    public RouteTable(List<Binding> bindings) {
        Set<String> keys = new HashSet<>();
        for (Binding binding : bindings) {
            if (!keys.add(binding.route().key())) {
                throw new IllegalStateException("route declared twice: " + binding.route().key());
            }
        }
        this.bindings = bindings.stream()
                .sorted((a, b) -> Integer.compare(paramCount(a.route()), paramCount(b.route())))
                .toList();
    }

    public List<Binding> bindings() {
        return bindings;
    }

    public List<Route> routes() {
        return bindings.stream().map(Binding::route).toList();
    }

    /** The binding of a declared route. */
    public Binding binding(Route route) {
        return bindings.stream().filter(b -> b.route().equals(route)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no binding for " + route.key()));
    }

    public Match match(String method, String rawPath) {
        if (rawPath == null || rawPath.length() > PATH_CHARS_MAX || !rawPath.startsWith("/")) {
            throw new ApiException(CommonProblem.ROUTE_NOT_FOUND, "No such route");
        }
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        String[] segments = path.substring(1).split("/", -1);
        boolean pathMatched = false;
        for (Binding binding : bindings) {
            Map<String, String> params = bind(binding.route().segments(), segments);
            if (params == null) {
                continue;
            }
            if (binding.route().method().equals(method)) {
                return new Match(binding, params);
            }
            pathMatched = true;
        }
        if (pathMatched) {
            throw new ApiException(CommonProblem.METHOD_NOT_ALLOWED, method + " is not allowed on this path");
        }
        throw new ApiException(CommonProblem.ROUTE_NOT_FOUND, "No such route");
    }

    private static Map<String, String> bind(List<String> template, String[] segments) {
        if (template.size() != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String expected = template.get(i);
            if (expected.startsWith("{")) {
                String value = decode(segments[i]);
                if (value == null || value.isEmpty() || value.length() > PATH_PARAM_CHARS_MAX) {
                    return null;
                }
                params.put(expected.substring(1, expected.length() - 1), value);
            } else if (!expected.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int paramCount(Route route) {
        return (int) route.segments().stream().filter(s -> s.startsWith("{")).count();
    }

    public record Match(Binding binding, Map<String, String> pathParams) {
        public Route route() {
            return binding.route();
        }
    }

    static List<Binding> collect(Iterable<FunctionApi> apis) {
        List<Binding> all = new ArrayList<>();
        for (FunctionApi api : apis) {
            api.checkComplete();
            all.addAll(api.bindings());
        }
        return all;
    }
}
