package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.route.Route;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A function's routes bound to their operations. Each function module has exactly one
 * {@code @ApplicationScoped} implementation; the local gateway holds all of them.
 */
public interface FunctionApi {

    /** The function's declared routes, as the CDK stack reads them too. */
    List<Route> declaredRoutes();

    List<Binding> bindings();

    /** The jobs the function runs on a schedule, if any. */
    default List<JobBinding> jobs() {
        return List.of();
    }

    /** Every declared route is bound exactly once, and nothing undeclared is bound. */
    default void checkComplete() {
        List<Route> bound = bindings().stream().map(Binding::route).toList();
        Set<Route> unique = Set.copyOf(bound);
        if (unique.size() != bound.size() || !unique.equals(Set.copyOf(declaredRoutes()))) {
            throw new IllegalStateException("routes declared and bound differ: declared "
                    + declaredRoutes().stream().map(Route::key).collect(Collectors.joining(", "))
                    + "; bound " + bound.stream().map(Route::key).collect(Collectors.joining(", ")));
        }
    }
}
