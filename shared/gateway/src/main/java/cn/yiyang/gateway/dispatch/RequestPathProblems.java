package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.problem.ProblemCode;
import cn.yiyang.kernel.route.Route;
import java.util.EnumSet;
import java.util.Set;

/**
 * The problem codes the request path itself may answer on a route, before or around its operation:
 * which ones depends on what the route is (open or not, idempotent or not, taking a body or not,
 * with path parameters or not). A binding adds the codes its operation refuses with
 * ({@link Binding#refuses}).
 */
final class RequestPathProblems {

    private static final Set<CommonProblem> EVERY_ROUTE = EnumSet.of(CommonProblem.MALFORMED_JSON,
            CommonProblem.VALIDATION_FAILED, CommonProblem.MISSING_PARAMETER, CommonProblem.NOT_FOUND,
            CommonProblem.CONCURRENT_UPDATE, CommonProblem.INTERNAL_ERROR, CommonProblem.STORE_UNAVAILABLE);
    private static final Set<CommonProblem> WITH_TOKEN = EnumSet.of(CommonProblem.UNAUTHENTICATED,
            CommonProblem.FORBIDDEN);
    private static final Set<CommonProblem> IDEMPOTENT = EnumSet.of(CommonProblem.IDEMPOTENCY_KEY_REQUIRED,
            CommonProblem.IDEMPOTENCY_KEY_INVALID, CommonProblem.IDEMPOTENCY_IN_PROGRESS,
            CommonProblem.IDEMPOTENCY_KEY_REUSED);
    private static final Set<CommonProblem> WITH_BODY = EnumSet.of(CommonProblem.BODY_TOO_LARGE,
            CommonProblem.UNSUPPORTED_MEDIA_TYPE);

    private RequestPathProblems() {
    }

    static Set<ProblemCode> of(Route route) {
        Set<CommonProblem> codes = EnumSet.copyOf(EVERY_ROUTE);
        if (!route.open()) {
            codes.addAll(WITH_TOKEN);
        }
        if (route.idempotent()) {
            codes.addAll(IDEMPOTENT);
        }
        if (!route.method().equals("GET")) {
            codes.addAll(WITH_BODY);
        }
        if (route.path().contains("{")) {
            // A path parameter longer than the router takes matches no route.
            codes.add(CommonProblem.ROUTE_NOT_FOUND);
        }
        return Set.copyOf(codes);
    }
}
