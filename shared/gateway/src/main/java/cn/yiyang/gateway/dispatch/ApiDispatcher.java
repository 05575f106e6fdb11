package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.gateway.auth.JwtAuthenticator;
import cn.yiyang.kernel.api.IdempotencyKey;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.metering.UsageLine;
import cn.yiyang.kernel.metering.UsageMeter;
import cn.yiyang.kernel.problem.FailureClassifier;
import cn.yiyang.gateway.problem.ProblemResponses;
import cn.yiyang.gateway.problem.RedactedFailure;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.kernel.route.Route;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The one request path, shared by both doors (the Lambda handler and the local gateway): match
 * the route, verify the token, check the role, check the body, demand an Idempotency-Key where
 * the route needs one, invoke the operation, turn any outcome into an API
 * Gateway v2 response, and meter the call (one log line, written before the answer leaves). Must be
 * called on a thread that may block.
 *
 * <p>Logs name the route template and status, never the raw path, query or body: those may
 * carry ID numbers and phones.
 */
@ApplicationScoped
public class ApiDispatcher {

    public static final int QUERY_PARAMS_MAX = 16;
    public static final int QUERY_VALUE_CHARS_MAX = 256;

    private static final Logger LOG = Logger.getLogger(ApiDispatcher.class);
    private static final Map<String, String> JSON = Map.of("content-type", "application/json; charset=utf-8");

    private final RouteTable table;
    private final JobRunner jobs;
    private final JwtAuthenticator authenticator;
    private final UsageMeter meter;
    private final Clock clock;
    private final List<FailureClassifier> classifiers;
    /** Outside production every answer and refusal is held to what its binding declares (the API document's). */
    private final boolean checkAnswers = LaunchMode.current() != LaunchMode.NORMAL;

    @Inject
    public ApiDispatcher(Instance<FunctionApi> functions, JwtAuthenticator authenticator, UsageMeter meter,
                         Clock clock, Instance<FailureClassifier> classifiers) {
        this(functions.stream().toList(), authenticator, meter, clock, classifiers.stream().toList());
    }

    /** Without CDI: the request path on its own, for ApiDispatcherTest and the harness's overhead section. */
    public ApiDispatcher(List<FunctionApi> functions, JwtAuthenticator authenticator, UsageMeter meter, Clock clock,
                         List<FailureClassifier> classifiers) {
        this.classifiers = List.copyOf(classifiers);
        this.table = new RouteTable(RouteTable.collect(functions));
        this.jobs = new JobRunner(functions.stream().flatMap(f -> f.jobs().stream()).toList());
        this.authenticator = authenticator;
        this.meter = meter;
        this.clock = clock;
    }

    public List<Route> routes() {
        return table.routes();
    }

    public List<Binding> bindings() {
        return table.bindings();
    }

    /** One Lambda invocation: the answer, its call metered on the way out (a log line, no store call). */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return answer(event);
    }

    /**
     * The answer to one event. A call with a verified caller, whatever it is answered (a success, or a
     * refusal such as 400, 403 or 409), is written down as one usage line just before its answer leaves;
     * the counters are aggregated from those lines later, so no call waits for a store to count it.
     */
    public APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        Instant receivedAt = clock.instant();
        String requestId = requestIdOf(event);
        String method = methodOf(event);
        MDC.put("requestId", requestId);
        if (Job.ROUTE_KEY.equals(event.getRouteKey())) {
            return runJob(event, requestId, receivedAt, started);
        }
        Route route = null;
        Caller caller = null;
        APIGatewayV2HTTPResponse response;
        try {
            RouteTable.Match match = table.match(method, event.getRawPath());
            route = match.route();
            MDC.put("route", route.key());
            if (!route.open()) {
                caller = authenticator.authenticate(header(event, "authorization"));
                MDC.put("county", caller.county());
            }
            Reply reply = invoke(event, match, caller, requestId, receivedAt);
            response = respond(reply.status(), reply.json(), merge(JSON, reply.headers()), requestId);
        } catch (ApiException e) {
            response = problem(e, route, event, requestId);
        } catch (RuntimeException e) {
            Optional<ApiException> known = classified(e);
            if (known.isEmpty()) {
                LOG.errorf(RedactedFailure.of(e), "unexpected failure in %s", route == null ? "routing" : route.key());
            }
            response = problem(known.orElseGet(() -> new ApiException(CommonProblem.INTERNAL_ERROR,
                    "An unexpected error occurred")), route, event, requestId);
        }
        if (caller != null) {
            meter(caller, route, requestId, receivedAt);
        }
        LOG.infof("%s %s -> %d in %d ms", method, route == null ? "(no route)" : route.path(),
                response.getStatusCode(), (System.nanoTime() - started) / 1_000_000);
        MDC.clear();
        return response;
    }

    /** A scheduled job, invoked directly (never through the API): run for each county it names. */
    private APIGatewayV2HTTPResponse runJob(APIGatewayV2HTTPEvent event, String requestId, Instant receivedAt,
                                            long started) {
        APIGatewayV2HTTPResponse response;
        try {
            Reply reply = jobs.run(event.getRawPath(), bodyOf(event), requestId, receivedAt);
            response = respond(reply.status(), reply.json(), JSON, requestId);
        } catch (ApiException e) {
            response = problem(e, null, event, requestId);
        }
        LOG.infof("job %s -> %d in %d ms", event.getRawPath(), response.getStatusCode(),
                (System.nanoTime() - started) / 1_000_000);
        MDC.clear();
        return response;
    }

    private Reply invoke(APIGatewayV2HTTPEvent event, RouteTable.Match match, Caller caller, String requestId,
                         Instant receivedAt) {
        Route route = match.route();
        if (!route.open() && !caller.hasAny(route.roles())) {
            throw new ApiException(CommonProblem.FORBIDDEN, "This route does not admit the caller's roles");
        }
        String body = bodyOf(event);
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > StrictJson.BODY_BYTES_MAX) {
            throw new ApiException(CommonProblem.BODY_TOO_LARGE,
                    "The body exceeds " + StrictJson.BODY_BYTES_MAX + " bytes");
        }
        boolean takesBody = route.method().equals("POST") || route.method().equals("PATCH") || route.method().equals("PUT");
        if (takesBody && body != null && !body.isEmpty() && !isJson(header(event, "content-type"))) {
            throw new ApiException(CommonProblem.UNSUPPORTED_MEDIA_TYPE, "The body must be application/json");
        }
        return invokeTyped(match.binding(), route.open() ? Caller.ANONYMOUS : caller, match.pathParams(),
                queryOf(event), body,
                header(event, "idempotency-key"), event.getRawPath(), requestId, receivedAt);
    }

    /**
     * A request made inside the process (the local gateway's demo seed) on the same typed path as
     * a request from a door, minus the token: the caller is given, not verified.
     */
    public Reply invokeAs(Caller caller, Route route, Map<String, String> pathParams, String body,
                          String idempotencyKey) {
        Binding binding = table.binding(route);
        String rawPath = route.path();
        for (Map.Entry<String, String> param : pathParams.entrySet()) {
            rawPath = rawPath.replace("{" + param.getKey() + "}", param.getValue());
        }
        return invokeTyped(binding, caller, pathParams, Map.of(), body, idempotencyKey, rawPath, "in-process",
                clock.instant());
    }

    private Reply invokeTyped(Binding binding, Caller caller, Map<String, String> pathParams,
                                     Map<String, String> query, String body, String keyHeader, String rawPath,
                                     String requestId, Instant receivedAt) {
        Route route = binding.route();
        if (route.idempotent()) {
            IdempotencyKey.requireValid(keyHeader);
        }
        RequestShape.Bound bound = binding.shape().bind(pathParams, query, body);
        Optional<IdempotencyKey> key = route.idempotent()
                ? Optional.of(IdempotencyKey.of(caller.county(), caller.subject(), keyHeader, route.method(),
                        rawPath, StrictJson.canonical(bound.tree())))
                : Optional.empty();
        Invocation<Object> invocation = new Invocation<>(route.function(), caller, bound.request(), key, requestId,
                receivedAt);
        Reply reply;
        try {
            reply = binding.<Object>handler().handle(invocation);
        } catch (ApiException refused) {
            if (checkAnswers) {
                binding.checkProblem(refused.code());
            }
            throw refused;
        }
        if (checkAnswers) {
            binding.checkAnswer(reply);
        }
        return reply;
    }

    private Optional<ApiException> classified(RuntimeException failure) {
        for (FailureClassifier classifier : classifiers) {
            Optional<ApiException> known = classifier.classify(failure);
            if (known.isPresent()) {
                return known;
            }
        }
        return Optional.empty();
    }

    private void meter(Caller caller, Route route, String requestId, Instant at) {
        try {
            String callId = UsageLine.isCallId(requestId) ? requestId : UUID.randomUUID().toString();
            meter.count(new UsageLine(caller.county(), route.function(), route.key(),
                    LocalDate.ofInstant(at, CountyTime.ZONE), callId, at));
        } catch (RuntimeException e) {
            // A line that cannot be written must never fail the resident's request.
            LOG.warnf("usage line not written for %s: %s", route.key(), e.getClass().getSimpleName());
        }
    }

    private static APIGatewayV2HTTPResponse problem(ApiException e, Route route, APIGatewayV2HTTPEvent event,
                                                    String requestId) {
        if (e.code().httpStatus() >= 500) {
            LOG.warnf("answered %s", e.code().name());
        }
        String instance = route == null ? null : route.path();
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", ProblemResponses.CONTENT_TYPE + "; charset=utf-8");
        if (e.code() == CommonProblem.UNAUTHENTICATED) {
            headers.put("www-authenticate", "Bearer");
        }
        return respond(e.code().httpStatus(), ProblemResponses.body(e, instance, requestId), headers, requestId);
    }

    private static APIGatewayV2HTTPResponse respond(int status, String body, Map<String, String> headers,
                                                    String requestId) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("x-request-id", requestId);
        // Only a public document (the JWKS) may say it can be cached; everything else is per caller.
        all.putIfAbsent("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        return type.equals("application/json") || type.equals("application/merge-patch+json");
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        String value = headers.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String bodyOf(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(CommonProblem.MALFORMED_JSON, "The body is not valid base64");
        }
    }

    private static Map<String, String> queryOf(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = event.getQueryStringParameters();
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        if (query.size() > QUERY_PARAMS_MAX) {
            throw new ApiException(CommonProblem.VALIDATION_FAILED, "Too many query parameters");
        }
        for (Map.Entry<String, String> entry : query.entrySet()) {
            if (entry.getValue() != null && entry.getValue().length() > QUERY_VALUE_CHARS_MAX) {
                throw ApiException.invalid(entry.getKey(), "TOO_LONG", "The query parameter is too long");
            }
        }
        return Map.copyOf(query);
    }

    private static String methodOf(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        return "GET";
    }

    private static String requestIdOf(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                && event.getRequestContext().getRequestId().length() <= 128) {
            return event.getRequestContext().getRequestId();
        }
        return UUID.randomUUID().toString();
    }
}
