package cn.yiyang.localgateway;

import cn.yiyang.stores.dynamo.DynamoFaults;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /dev/faults?dynamoLatencyMs=50&dynamoFailurePercent=10} sets the faults injected into
 * this process's DynamoDB calls (0 and 0 clear them). The route exists only in a local gateway
 * started with {@code -Dyiyang.dynamo.faults.enabled=true}, as the proof harness starts it.
 */
@ApplicationScoped
public class DevFaults {

    private final boolean enabled;

    public DevFaults(@ConfigProperty(name = "yiyang.dynamo.faults.enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    void routes(@Observes Router router) {
        if (enabled) {
            router.post("/dev/faults").handler(this::set);
        }
    }

    private void set(RoutingContext context) {
        try {
            DynamoFaults.set(new DynamoFaults.Settings(
                    Long.parseLong(context.queryParams().get("dynamoLatencyMs")),
                    Integer.parseInt(context.queryParams().get("dynamoFailurePercent"))));
            context.response().putHeader("content-type", "text/plain; charset=utf-8").end(DynamoFaults.current() + "\n");
        } catch (RuntimeException e) {
            context.response().setStatusCode(400).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("usage: POST /dev/faults?dynamoLatencyMs=0..5000&dynamoFailurePercent=0..100\n");
        }
    }
}
