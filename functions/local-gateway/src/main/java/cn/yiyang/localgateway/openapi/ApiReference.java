package cn.yiyang.localgateway.openapi;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API document and its reference page, public (no token), as the local gateway serves them:
 * {@code /openapi.json}, generated from the routes this process serves, and {@code /reference/}, Redoc
 * rendering it from a copy packaged by functions/api-client (npm's {@code redoc}; nothing from a CDN).
 */
@ApplicationScoped
public class ApiReference {

    /** Where functions/api-client packages the reference page and the Redoc bundle. */
    static final String PAGE_RESOURCES = "META-INF/yiyang-api/";

    private final ApiDispatcher dispatcher;
    private volatile String document;

    public ApiReference(ApiDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The document of every route the dispatcher serves, generated once. */
    public String document() {
        String built = document;
        if (built == null) {
            built = OpenApiDocument.json(OpenApiDocument.of(dispatcher.bindings()));
            document = built;
        }
        return built;
    }

    void routes(@Observes Router router) {
        router.get("/openapi.json").blockingHandler(context -> context.response()
                .putHeader("content-type", "application/json; charset=utf-8")
                .putHeader("cache-control", "no-cache")
                .end(document()), false);
        // Vert.x matches /reference and /reference/ alike; the page names its script by absolute path.
        router.get("/reference").blockingHandler(context -> packaged(context, "index.html", "text/html; charset=utf-8"), false);
        router.get("/reference/redoc.standalone.js").blockingHandler(
                context -> packaged(context, "redoc.standalone.js", "text/javascript; charset=utf-8"), false);
    }

    private static void packaged(RoutingContext context, String name, String contentType) {
        try (InputStream in = ApiReference.class.getClassLoader().getResourceAsStream(PAGE_RESOURCES + name)) {
            if (in == null) {
                context.response().setStatusCode(404).end("The reference page is packaged by functions/api-client");
                return;
            }
            context.response().putHeader("content-type", contentType)
                    .end(io.vertx.core.buffer.Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
