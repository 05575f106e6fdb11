package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.route.Route;

/** A declared route and the operation that serves it. */
public record Binding(Route route, Operation operation) {

    public Binding {
        if (route.idempotent() && !(operation instanceof IdempotencyGuarded)) {
            // Idempotency must commit with the business write, so only a store's guarded
            // operation may serve a route that demands an Idempotency-Key.
            throw new IllegalStateException(route.key() + " is idempotent but its operation is not guarded");
        }
    }

    public static Binding of(Route route, Operation operation) {
        return new Binding(route, operation);
    }
}
