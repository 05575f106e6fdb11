package cn.yiyang.localgateway;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.gateway.problem.ProblemResponses;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Real HTTP on localhost: each request becomes the same API Gateway v2 event AWS would send,
 * handed to the same dispatcher the Lambdas use, on a worker thread (the path may block).
 */
@ApplicationScoped
public class LocalHttpDoor {

    /** Above API Gateway's own body limit the gateway refuses before the dispatcher sees it. */
    public static final long GATEWAY_BODY_BYTES_MAX = 2L * 1024 * 1024;

    private final ApiDispatcher dispatcher;

    public LocalHttpDoor(ApiDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void routes(@Observes Router router) {
        // The API under /v1, and the identity function's discovery documents, as API Gateway routes them.
        for (String prefix : new String[] {"/v1/*", "/.well-known/*"}) {
            router.route(prefix)
                    .handler(BodyHandler.create(false).setBodyLimit(GATEWAY_BODY_BYTES_MAX))
                    .blockingHandler(this::serve, false)
                    .failureHandler(LocalHttpDoor::failure);
        }
    }

    private void serve(RoutingContext context) {
        // This process lives on, so the answer goes out without waiting for its usage count (a Lambda's must).
        APIGatewayV2HTTPResponse response = dispatcher.answer(toEvent(context));
        var http = context.response().setStatusCode(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(http::putHeader);
        }
        http.end(response.getBody() == null ? "" : response.getBody());
    }

    static APIGatewayV2HTTPEvent toEvent(RoutingContext context) {
        var request = context.request();
        Instant now = Instant.now();
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + "," + b));
        Map<String, String> query = new HashMap<>();
        MultiMap params = context.queryParams();
        params.names().forEach(name -> query.put(name, String.join(",", params.getAll(name))));
        String body = context.body() == null || context.body().buffer() == null ? null : context.body().asString("UTF-8");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(request.path())
                .withRawQueryString(request.query() == null ? "" : request.query())
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.method().name())
                                .withPath(request.path())
                                .withProtocol(request.version().name())
                                .withSourceIp(request.remoteAddress() == null ? null : request.remoteAddress().host())
                                .withUserAgent(request.getHeader("user-agent"))
                                .build())
                        .build())
                .build();
    }

    /** Failures before the dispatcher (an oversized body, a broken request) still answer problem+json. */
    private static void failure(RoutingContext context) {
        ApiException problem = switch (context.statusCode()) {
            case 413 -> new ApiException(CommonProblem.BODY_TOO_LARGE, "The body is too large");
            case 400 -> new ApiException(CommonProblem.MALFORMED_JSON, "The request could not be read");
            case 401 -> new ApiException(CommonProblem.UNAUTHENTICATED, "The bearer token is not valid");
            default -> new ApiException(CommonProblem.INTERNAL_ERROR, "An unexpected error occurred");
        };
        int status = problem.code().httpStatus();
        context.response().setStatusCode(status)
                .putHeader("content-type", ProblemResponses.CONTENT_TYPE + "; charset=utf-8")
                .end(ProblemResponses.body(problem, context.request().path(), UUID.randomUUID().toString()));
    }
}
