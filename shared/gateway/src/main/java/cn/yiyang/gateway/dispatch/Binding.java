package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.route.Route;

/**
 * A declared route, the type of its request (path, query and body in one record) and the handler
 * that serves it: {@code Binding.of(REGISTER, Register.class, pg.transact(residents::register))}.
 * The request's shape is checked when the binding is made, so a route whose path parameter has no
 * field in its record fails at start-up, not on the first request.
 */
public final class Binding {

    private final Route route;
    private final RequestShape shape;
    private final Handler<?> handler;

    private Binding(Route route, RequestShape shape, Handler<?> handler) {
        this.route = route;
        this.shape = shape;
        this.handler = handler;
        if (route.idempotent() && !(handler instanceof IdempotencyGuarded)) {
            // Idempotency must commit with the business write, so only a store's guarded
            // handler may serve a route that demands an Idempotency-Key.
            throw new IllegalStateException(route.key() + " is idempotent but its handler is not guarded");
        }
    }

    public static <R> Binding of(Route route, Class<R> requestType, Handler<R> handler) {
        return new Binding(route, RequestShape.of(route, requestType), handler);
    }

    /** A route that takes nothing: a body with any field, or any query parameter, is refused. */
    public static Binding of(Route route, Handler<NoInput> handler) {
        return of(route, NoInput.class, handler);
    }

    public Route route() {
        return route;
    }

    /** The request record: path, query and body fields in one. */
    public Class<?> requestType() {
        return shape == null ? null : shape.type();
    }

    /** The request record's shape. */
    RequestShape shape() {
        return shape;
    }

    @SuppressWarnings("unchecked")
    <R> Handler<R> handler() {
        return (Handler<R>) handler;
    }

}
