package cn.yiyang.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.auth.JwtAuthenticator;
import cn.yiyang.gateway.auth.SignedTokens;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.metering.UsageLine;
import cn.yiyang.kernel.metering.UsageMeter;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request path itself, without a function or a store: one small API of test routes behind
 * the real dispatcher and the real SmallRye JWT verification, fed API Gateway v2 events. Each
 * refusal is checked to reach no handler.
 */
class ApiDispatcherTest {

    private static final String ISSUER = SignedTokens.ISSUER;
    private static final String COUNTY = "330105";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Route.Builder IN = Route.in("test");
    private static final Route PING = IN.openGet("/v1/ping", "ping");
    private static final Route CREATE = IN.post("/v1/things/{shelf}", "createThing", Role.OFFICER);
    private static final Route GET = IN.get("/v1/things/{id}", "getThing", Role.OFFICER, Role.OPERATOR);
    private static final Route FAIL = IN.get("/v1/failing", "fail", Role.OFFICER);

    record Thing(String shelf, String name, int count) {
    }

    private static KeyPair keys;
    private final AtomicReference<Invocation<?>> seen = new AtomicReference<>();
    private ApiDispatcher dispatcher;
    private FunctionApi api;
    private JwtAuthenticator authenticator;

    @BeforeAll
    static void makeKeys() {
        keys = SignedTokens.newKeyPair();
    }

    @BeforeEach
    void start() {
        Handler<NoInput> ping = invocation -> answer(invocation, Map.of("pong", true));
        Handler<Thing> create = new Guarded<>(invocation -> answer(invocation, Map.of("made", invocation.request().name())));
        Handler<ById> get = invocation -> answer(invocation, Map.of("id", invocation.request().id()));
        Handler<NoInput> fail = invocation -> {
            seen.set(invocation);
            throw new IllegalStateException("resident 330105199001010021 phone 13805710001");
        };
        api = new DeclaredApi(List.of(PING, CREATE, GET, FAIL), Binding.of(PING, ping),
                Binding.of(CREATE, Thing.class, create), Binding.of(GET, ById.class, get), Binding.of(FAIL, fail)) {
        };
        JWTAuthContextInfo verification = new JWTAuthContextInfo((RSAPublicKey) keys.getPublic(), ISSUER);
        authenticator = new JwtAuthenticator(new DefaultJWTParser(verification),
                Optional.of(List.of(COUNTY)));
        dispatcher = new ApiDispatcher(List.of(api), authenticator, new WrittenLines(), Clock.systemUTC(), List.of());
    }

    @Test
    void anOpenRoute_isServedWithoutAToken_toTheAnonymousCaller() {
        APIGatewayV2HTTPResponse response = send("GET", "/v1/ping", null, null, Map.of());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(seen.get().caller()).isSameAs(Caller.ANONYMOUS);
        assertThat(seen.get().idempotencyKey()).isEmpty();
    }

    @Test
    void aGuardedRoute_withoutAToken_is401WithTheBearerChallenge_andReachesNoHandler() {
        APIGatewayV2HTTPResponse response = send("GET", "/v1/things/a", null, null, Map.of());

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("www-authenticate", "Bearer");
        assertThat(code(response)).isEqualTo("UNAUTHENTICATED");
        assertThat(seen.get()).isNull();
    }

    @Test
    void aTokenForACountyTheDeploymentDoesNotServe_is401() {
        APIGatewayV2HTTPResponse response = send("GET", "/v1/things/a", token("officer-1", "110101", "officer"), null,
                Map.of());

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(seen.get()).isNull();
    }

    @Test
    void aRoleTheRouteDoesNotAdmit_is403_andReachesNoHandler() {
        APIGatewayV2HTTPResponse response = send("GET", "/v1/things/a", token("resident-1", COUNTY, "resident"), null,
                Map.of());

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("FORBIDDEN");
        assertThat(seen.get()).isNull();
    }

    @Test
    void pathAndBody_areBoundIntoOneRecord_forTheVerifiedCaller() {
        APIGatewayV2HTTPResponse response = send("POST", "/v1/things/north", token("officer-1", COUNTY, "officer"),
                "{\"name\":\"chair\",\"count\":2}", Map.of("idempotency-key", "intent-0002"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(seen.get().request()).isEqualTo(new Thing("north", "chair", 2));
        assertThat(seen.get().caller().subject()).isEqualTo("officer-1");
        assertThat(seen.get().caller().county()).isEqualTo(COUNTY);
        assertThat(seen.get().idempotencyKey()).isPresent();
    }

    @Test
    void theSameBodyWithItsFieldsReordered_hasTheSameFingerprint_andAnotherBodyAnother() {
        String token = token("officer-1", COUNTY, "officer");
        send("POST", "/v1/things/north", token, "{\"name\":\"chair\",\"count\":2}", Map.of("idempotency-key", "intent-0001"));
        String first = seen.get().idempotencyKey().orElseThrow().fingerprint();
        send("POST", "/v1/things/north", token, "{ \"count\": 2, \"name\": \"chair\" }", Map.of("idempotency-key", "intent-0001"));
        String reordered = seen.get().idempotencyKey().orElseThrow().fingerprint();
        send("POST", "/v1/things/north", token, "{\"name\":\"chair\",\"count\":3}", Map.of("idempotency-key", "intent-0001"));
        String other = seen.get().idempotencyKey().orElseThrow().fingerprint();

        assertThat(reordered).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void refusalsBeforeTheHandler_eachHaveTheirStatusAndCode_andReachNoHandler() {
        String token = token("officer-1", COUNTY, "officer");
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\",\"count\":1}";
        Map<String, List<Object>> cases = new HashMap<>();
        cases.put("no key", List.of(send("POST", "/v1/things/a", token, "{\"name\":\"a\",\"count\":1}", Map.of()),
                400, "IDEMPOTENCY_KEY_REQUIRED"));
        cases.put("unknown field", List.of(send("POST", "/v1/things/a", token, "{\"name\":\"a\",\"count\":1,\"x\":1}",
                Map.of("idempotency-key", "intent-0001")), 400, "VALIDATION_FAILED"));
        cases.put("not json", List.of(send("POST", "/v1/things/a", token, "{not json", Map.of("idempotency-key", "intent-0001")),
                400, "MALFORMED_JSON"));
        cases.put("too large", List.of(send("POST", "/v1/things/a", token, big, Map.of("idempotency-key", "intent-0001")),
                413, "BODY_TOO_LARGE"));
        cases.put("not json type", List.of(send("POST", "/v1/things/a", token, "{\"name\":\"a\",\"count\":1}",
                Map.of("idempotency-key", "intent-0001", "content-type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.put("no route", List.of(send("GET", "/v1/nothing", token, null, Map.of()), 404, "ROUTE_NOT_FOUND"));
        cases.put("wrong method", List.of(send("DELETE", "/v1/things/a", token, null, Map.of()), 405,
                "METHOD_NOT_ALLOWED"));

        List<String> wrong = new ArrayList<>();
        cases.forEach((name, c) -> {
            APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) c.get(0);
            if (response.getStatusCode() != (int) c.get(1) || !c.get(2).equals(code(response))
                    || !response.getHeaders().get("content-type").startsWith("application/problem+json")) {
                wrong.add(name + " -> " + response.getStatusCode() + " " + response.getBody());
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(seen.get()).isNull();
    }

    @Test
    void everyCallWithAVerifiedCaller_writesOneUsageLine_refusalsAndFailuresIncluded_andNoOtherCallDoes() {
        WrittenLines lines = new WrittenLines();
        ApiDispatcher metered = new ApiDispatcher(List.of(api), authenticator, lines, Clock.systemUTC(), List.of());
        String officer = token("officer-1", COUNTY, "officer");
        List<APIGatewayV2HTTPEvent> counted = List.of(
                event("GET", "/v1/things/a", officer, null, Map.of()),
                event("GET", "/v1/things/a", token("resident-1", COUNTY, "resident"), null, Map.of()),
                event("POST", "/v1/things/a", officer, "{\"name\":\"a\",\"count\":1}", Map.of()),
                event("POST", "/v1/things/a", officer, "{not json", Map.of("idempotency-key", "intent-0001")),
                event("GET", "/v1/failing", officer, null, Map.of()));
        List<APIGatewayV2HTTPEvent> notCounted = List.of(
                event("GET", "/v1/things/a", null, null, Map.of()),
                event("GET", "/v1/nothing", officer, null, Map.of()),
                event("GET", "/v1/ping", null, null, Map.of()));

        List<Integer> statuses = new ArrayList<>();
        for (APIGatewayV2HTTPEvent event : counted) {
            statuses.add(metered.handle(event).getStatusCode());
        }
        for (APIGatewayV2HTTPEvent event : notCounted) {
            statuses.add(metered.handle(event).getStatusCode());
        }

        assertThat(statuses).containsExactly(200, 403, 400, 400, 500, 401, 404, 200);
        assertThat(lines.written).as("one line per call with a verified caller, named by its request id")
                .extracting(UsageLine::callId)
                .containsExactlyElementsOf(counted.stream().map(e -> e.getRequestContext().getRequestId()).toList());
        assertThat(lines.written).extracting(UsageLine::route).containsExactly("GET /v1/things/{id}",
                "GET /v1/things/{id}", "POST /v1/things/{shelf}", "POST /v1/things/{shelf}", "GET /v1/failing");
        assertThat(lines.written).allSatisfy(line -> {
            assertThat(line.county()).isEqualTo(COUNTY);
            assertThat(line.function()).isEqualTo("test");
            assertThat(UsageLine.read(line.emf())).isEqualTo(new UsageLine.Valid(line));
            assertThat(line.emf()).doesNotContain("/v1/things/a", "officer-1", "resident-1");
        });
    }

    @Test
    void anUnexpectedFailure_is500InternalError_andTheAnswerRepeatsNothingOfIt() throws Exception {
        APIGatewayV2HTTPResponse response = send("GET", "/v1/failing", token("officer-1", COUNTY, "officer"), null,
                Map.of());

        assertThat(response.getStatusCode()).isEqualTo(500);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(problem.get("userMessage").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("330105199001010021", "13805710001", "IllegalState", "at cn.");
    }

    private Reply answer(Invocation<?> invocation, Map<String, Object> body) {
        seen.set(invocation);
        return Reply.ok(body);
    }

    private APIGatewayV2HTTPResponse send(String method, String path, String token, String body,
                                          Map<String, String> extraHeaders) {
        return dispatcher.handle(event(method, path, token, body, extraHeaders));
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String token, String body,
                                               Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        headers.putAll(extraHeaders);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(path)
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("request-" + System.nanoTime())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .build())
                .build();
        return event;
    }

    private static String code(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody()).path("code").asText();
        } catch (Exception e) {
            return "(not json) " + response.getBody();
        }
    }

    /** An RS256 token as the identity function issues it. */
    private static String token(String subject, String county, String role) {
        return SignedTokens.of(keys, subject, county, role, 600);
    }


    private record Guarded<R>(Handler<R> delegate) implements Handler<R>, IdempotencyGuarded {
        @Override
        public Reply handle(Invocation<R> invocation) {
            return delegate.handle(invocation);
        }
    }

    /** The usage lines the dispatcher wrote, in order (the channel itself is tested against DynamoDB Local). */
    private static final class WrittenLines implements UsageMeter {
        final List<UsageLine> written = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void count(UsageLine call) {
            written.add(call);
        }
    }
}
