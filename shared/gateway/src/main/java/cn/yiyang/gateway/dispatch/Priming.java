package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * SnapStart priming. Before Lambda snapshots the initialised function (CRaC's beforeCheckpoint), one
 * synthetic request walks the real request path, so the classes it loads, the JIT's first work and the
 * JWT key material are in the snapshot instead of in the first user's invocation. Nothing is written:
 * <ol>
 * <li>the door: the v2 event JSON read as Funqy reads it, then the dispatcher with the function's priming
 * route and a bearer token no key verifies (route match, JWT parse and key look-up, the 401
 * problem+json, the response JSON). A refused token is never metered.</li>
 * <li>the operation, where {@code yiyang.priming.operation} allows it: the priming route (a read) invoked
 * in-process as a caller of its first role in the first served county, on a made-up id where the path
 * names one; its answer or refusal is discarded. Off where it would open a PostgreSQL connection: the
 * reactive pool cannot close one before the snapshot, and a restored one would be dead (quarkus#31401).
 * DynamoDB's HTTP connection is retried by the SDK.</li>
 * </ol>
 * {@code YIYANG_PRIME_AT_START=true} primes at start instead, so the harness can measure the first
 * invocation after the init with and without priming on a JVM without CRaC.
 */
@ApplicationScoped
public class Priming implements Resource {

    /** A path parameter's made-up value: a version-4 UUID no store issues (a 404, or an empty read). */
    static final String MADE_UP_ID = "00000000-0000-4000-8000-000000000000";
    private static final Logger LOG = Logger.getLogger(Priming.class);
    /** Well-formed, signed by no key: {"alg":"RS256","kid":"priming"}.{"sub":"priming"}.AAAA */
    private static final String UNVERIFIABLE_TOKEN = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"priming\"}")
            + "." + base64("{\"sub\":\"priming\"}") + ".AAAA";

    private final ApiDispatcher dispatcher;
    private final ObjectMapper json;
    private final Optional<String> routeKey;
    private final boolean operation;
    private final boolean atStart;
    private final List<String> counties;
    /** The priming route, found at start: a name the function does not route stops the start. */
    private volatile Route route;

    public Priming(ApiDispatcher dispatcher, ObjectMapper json,
                   @ConfigProperty(name = "yiyang.priming.route") Optional<String> routeKey,
                   @ConfigProperty(name = "yiyang.priming.operation", defaultValue = "false") boolean operation,
                   @ConfigProperty(name = "yiyang.priming.at-start", defaultValue = "false") boolean atStart,
                   @ConfigProperty(name = "yiyang.counties") Optional<List<String>> counties) {
        this.dispatcher = dispatcher;
        this.json = json;
        this.routeKey = routeKey;
        this.operation = operation;
        this.atStart = atStart;
        this.counties = counties.orElse(List.of());
    }

    /**
     * Registered with the global CRaC context (this bean is held by CDI for the life of the process);
     * after every other start-up observer, so that priming at start finds the tables and schemas made.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        if (routeKey.isEmpty()) {
            return;
        }
        route = dispatcher.routes().stream().filter(r -> r.key().equals(routeKey.get())).findFirst()
                .orElseThrow(() -> new IllegalStateException("yiyang.priming.route names no route of this function: "
                        + routeKey.get()));
        Core.getGlobalContext().register(this);
        if (atStart) {
            prime();
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: no connection is opened that the restored process could not reopen itself.
    }

    /** Never fails the init or the snapshot: priming only moves work earlier, the first request would do it anyway. */
    public void prime() {
        if (route == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            primeDoor(route);
            if (operation && !route.open() && !counties.isEmpty()) {
                primeOperation(route);
            }
            LOG.infof("primed %s in %d ms", route.key(), (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            LOG.warnf("priming %s failed: %s", route.key(), e.getClass().getSimpleName());
        }
    }

    private void primeDoor(Route route) throws Exception {
        Map<String, Object> http = Map.of("method", route.method(), "path", pathOf(route));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", pathOf(route));
        event.put("headers", Map.of("authorization", "Bearer " + UNVERIFIABLE_TOKEN));
        event.put("requestContext", Map.of("http", http, "requestId", "priming"));
        APIGatewayV2HTTPEvent read = json.readValue(json.writeValueAsBytes(event), APIGatewayV2HTTPEvent.class);
        json.writeValueAsBytes(dispatcher.answer(read));
    }

    private void primeOperation(Route route) {
        Role role = route.roles().stream().min(Comparator.naturalOrder()).orElseThrow();
        Caller caller = new Caller("priming", counties.get(0), Set.of(role));
        Map<String, String> params = new LinkedHashMap<>();
        for (String segment : route.path().split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                params.put(segment.substring(1, segment.length() - 1), MADE_UP_ID);
            }
        }
        try {
            dispatcher.invokeAs(caller, route, params, null, null);
        } catch (ApiException refused) {
            // A read of a made-up id is refused (not found): the path to the store was walked all the same.
        } catch (Exception e) {
            LOG.warnf("priming the operation %s failed: %s", route.key(), e.getClass().getSimpleName());
        }
    }

    private static String pathOf(Route route) {
        return route.path().replaceAll("\\{[^}]+}", MADE_UP_ID);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
