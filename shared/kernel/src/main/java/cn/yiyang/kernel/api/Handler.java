package cn.yiyang.kernel.api;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What serves one route once its request is typed: a store adapter wraps a service method
 * ({@code (Caller, R) -> Reply}) in a session or a transaction and hands back a handler. Invoked
 * on a thread that may block (the Lambda thread, or a worker of the local gateway).
 */
@FunctionalInterface
public interface Handler<R> {

    Reply handle(Invocation<R> invocation);

    /** A service method that needs no store session of its own (it calls what it needs itself). */
    static <R> Handler<R> direct(BiFunction<Caller, R, Reply> work) {
        return invocation -> work.apply(invocation.caller(), invocation.request());
    }

    /**
     * A service method of an open route (no token): it sees only the request, since the caller is
     * not known yet; whatever store work it needs it runs itself, in as many short steps as it must.
     */
    static <R> Handler<R> open(Function<R, Reply> work) {
        return invocation -> work.apply(invocation.request());
    }
}
