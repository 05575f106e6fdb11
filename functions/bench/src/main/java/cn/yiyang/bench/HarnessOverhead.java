package cn.yiyang.bench;

import cn.yiyang.gateway.auth.JwtAuthenticator;
import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.metering.UsageMeter;
import cn.yiyang.stores.metering.LocalLogsDelivery;
import cn.yiyang.stores.metering.UsageLogMeter;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.testing.TestKeys;
import cn.yiyang.testing.Tokens;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request path's own cost, apart from any store (issue 18's goal: ≤ 1 ms p99 warm): a meal
 * order's event through the real dispatcher (route match, SmallRye JWT verification with RS256,
 * roles, strict JSON into the typed request, Idempotency-Key, the call's usage line written out as
 * on Lambda, the response), its handler answering at once. Beside it, in the same run, the two parts that
 * dominate it alone, and the floor any JSON Lambda pays: the body read and the answer written.
 */
final class HarnessOverhead {

    static final int WARM_UP_CALLS = 20_000;
    static final int MEASURED_CALLS = 20_000;
    private static final String COUNTY = "330105";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Route PLACE = Route.in("bench").post("/v1/meal-orders", "placeMealOrder", Role.OPERATOR, Role.RESIDENT);
    private static final String BODY = """
            {"residentId":"r-8f3c2a","mealPointId":"mp-001","date":"2026-12-02","slot":"LUNCH","mode":"DINE_IN",
             "dishes":[{"code":"A1","quantity":1},{"code":"B2","quantity":2}],"note":"少盐"}""";

    record Dish(String code, int quantity) {
    }

    record PlaceOrder(String residentId, String mealPointId, LocalDate date, String slot, String mode, List<Dish> dishes,
                      String note) {
    }

    record Placed(String id, String residentId, LocalDate date, String slot, int priceFen, int subsidyFen, int payFen) {
    }

    /** The handler a store adapter would be, minus the store: the answer at once. */
    private record NoStore(Handler<PlaceOrder> answer) implements Handler<PlaceOrder>, IdempotencyGuarded {
        @Override
        public Reply handle(Invocation<PlaceOrder> invocation) {
            return answer.handle(invocation);
        }
    }

    private HarnessOverhead() {
    }

    static void run(HarnessReport report) throws Exception {
        AtomicLong counted = new AtomicLong();
        ApiDispatcher dispatcher = dispatcher(counted);
        String token = Tokens.of(COUNTY, "operator-bench", Role.OPERATOR);
        JwtAuthenticator authenticator = authenticator();

        double[] fullPath = time(i -> {
            APIGatewayV2HTTPResponse response = dispatcher.handle(event(token, i));
            if (response.getStatusCode() != 201) {
                throw new IllegalStateException("the dispatcher answered " + response.getStatusCode() + ": " + response.getBody());
            }
        });
        double[] jwtOnly = time(i -> authenticator.authenticate("Bearer " + token));
        double[] jsonFloor = time(i -> {
            PlaceOrder order = JSON.readValue(BODY, PlaceOrder.class);
            JSON.writeValueAsString(new Placed("mo-" + i, order.residentId(), order.date(), order.slot(), 1200, 500, 700));
        });

        report.figure("in-function overhead", "dispatcher path of a meal order, no store (µs)",
                String.format("p50 %.0f, p99 %.0f, p99.9 %.0f (goal p99 ≤ 1000)", Stats.percentile(fullPath, 50),
                        Stats.percentile(fullPath, 99), Stats.percentile(fullPath, 99.9)),
                String.format("of it alone: JWT RS256 verify p50 %.0f / p99 %.0f; floor (body read + answer written with Jackson) "
                                + "p50 %.0f / p99 %.0f; %,d warm calls each after %,d",
                        Stats.percentile(jwtOnly, 50), Stats.percentile(jwtOnly, 99), Stats.percentile(jsonFloor, 50),
                        Stats.percentile(jsonFloor, 99), MEASURED_CALLS, WARM_UP_CALLS));
        report.check("in-function overhead", "every call wrote exactly one usage line",
                () -> Invariants.equal("counted calls", (long) WARM_UP_CALLS + MEASURED_CALLS, counted.get()));
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    /** Microseconds per call, after a warm-up of the same calls. */
    private static double[] time(Call call) throws Exception {
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            call.run(i);
        }
        double[] micros = new double[MEASURED_CALLS];
        for (int i = 0; i < MEASURED_CALLS; i++) {
            long start = System.nanoTime();
            call.run(WARM_UP_CALLS + i);
            micros[i] = (System.nanoTime() - start) / 1_000.0;
        }
        return micros;
    }

    private static ApiDispatcher dispatcher(AtomicLong counted) {
        Handler<PlaceOrder> answer = invocation -> Reply.created(new Placed("mo-" + invocation.requestId(),
                invocation.request().residentId(), invocation.request().date(), invocation.request().slot(), 1200, 500, 700));
        DeclaredApi api = new DeclaredApi(List.of(PLACE),
                Binding.of(PLACE, PlaceOrder.class, new NoStore(answer)).answers(201, Placed.class)) {
        };
        // The metering a Lambda does: the call's usage line written to a file descriptor (stdout there), one write.
        OutputStream devNull;
        try {
            devNull = new FileOutputStream("/dev/null");
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
        OutputStream countingLines = new FilterOutputStream(devNull) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                for (int i = offset; i < offset + length; i++) {
                    if (bytes[i] == '\n') {
                        counted.incrementAndGet();
                    }
                }
                out.write(bytes, offset, length);
            }
        };
        UsageMeter meter = new UsageLogMeter(new PrintStream(countingLines, true, StandardCharsets.UTF_8),
                LocalLogsDelivery.off());
        return new ApiDispatcher(List.of(api), authenticator(), meter, Clock.systemUTC(), List.of());
    }

    private static JwtAuthenticator authenticator() {
        JWTAuthContextInfo verification = new JWTAuthContextInfo((RSAPublicKey) TestKeys.RSA.getPublic(), Tokens.ISSUER);
        verification.setExpectedAudience(Set.of(Tokens.AUDIENCE));
        return new JwtAuthenticator(new DefaultJWTParser(verification), Optional.of(List.of(COUNTY)));
    }

    private static APIGatewayV2HTTPEvent event(String token, int i) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(PLACE.path())
                .withHeaders(Map.of("content-type", "application/json", "authorization", "Bearer " + token,
                        "idempotency-key", "overhead-" + i))
                .withBody(BODY)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("bench-" + i)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
                        .build())
                .build();
    }
}
