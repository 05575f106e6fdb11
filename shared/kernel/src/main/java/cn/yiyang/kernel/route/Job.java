package cn.yiyang.kernel.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A job a function runs on a schedule, declared once like its routes: the CDK stack schedules it,
 * the dispatcher runs it. EventBridge invokes the Lambda directly with {@link #event(List)}, an API
 * Gateway v2-shaped event whose route key {@value #ROUTE_KEY} no API route can ever carry.
 */
public record Job(String function, String name, String schedule, String description) {

    public static final String ROUTE_KEY = "$job";
    public static final int COUNTIES_MAX = 100;
    /** The schedule of a job run once per deployment (a DeployStep) instead of by EventBridge. */
    public static final String ON_DEPLOY = "on-deploy";

    public boolean onDeploy() {
        return ON_DEPLOY.equals(schedule);
    }

    /** Unique across functions, so the local gateway can hold every function's jobs at once. */
    public String path() {
        return "/jobs/" + function + "/" + name;
    }

    /** The route a job's run is dispatched as: never declared on the API, admitted to the platform only. */
    public Route route() {
        return new Route(function, "POST", path(), name, Set.of(Role.PLATFORM), false);
    }

    /** The scheduled invocation: a v2 event naming the job, its body the counties to run it for. */
    public Map<String, Object> event(List<String> counties) {
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", "POST");
        http.put("path", path());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("http", http);
        context.put("routeKey", ROUTE_KEY);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", ROUTE_KEY);
        event.put("rawPath", path());
        event.put("requestContext", context);
        event.put("body", counties.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",", "{\"counties\":[", "]}")));
        event.put("isBase64Encoded", false);
        return event;
    }
}
