package cn.yiyang.localgateway.openapi;

import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.bookings.BookingRoutes;
import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.FundRoutes;
import cn.yiyang.identity.IdentityRoutes;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.problem.ProblemCode;
import cn.yiyang.kernel.resident.ResidentStatusProblem;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.MealRoutes;
import cn.yiyang.residents.ResidentsRoutes;
import cn.yiyang.residents.registry.ResidentProblem;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankRoutes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The problem codes a route may answer: the request path's own (which of them depends on what the
 * route is: open or not, idempotent or not, taking a body or not) and every code of its function's
 * problem enums. A function's codes are not narrowed per route: the services throw them from shared
 * rules, and the scenario tests hold every refusal they see to this list.
 */
final class ProblemCatalog {

    private static final Map<String, List<ProblemCode>> BY_FUNCTION = Map.of(
            ResidentsRoutes.FUNCTION, codes(ResidentProblem.values(), ResidentStatusProblem.values()),
            MealRoutes.FUNCTION, codes(MealProblem.values(), ResidentStatusProblem.values()),
            BookingRoutes.FUNCTION, codes(BookingProblem.values(), ResidentStatusProblem.values()),
            TimeBankRoutes.FUNCTION, codes(TimeBankProblem.values(), ResidentStatusProblem.values()),
            FundRoutes.FUNCTION, codes(FundProblem.values(), ResidentStatusProblem.values()),
            IdentityRoutes.FUNCTION, codes(IdentityProblem.values()));

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

    private ProblemCatalog() {
    }

    /** The codes {@code route} may answer, by status then name. */
    static List<ProblemCode> of(Route route) {
        List<ProblemCode> codes = new ArrayList<>(EVERY_ROUTE);
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
        codes.addAll(BY_FUNCTION.getOrDefault(route.function(), List.of()));
        codes.sort(Comparator.comparingInt(ProblemCode::httpStatus).thenComparing(ProblemCode::name));
        return codes;
    }

    private static List<ProblemCode> codes(ProblemCode[]... enums) {
        return Stream.of(enums).flatMap(Stream::of).toList();
    }
}
