package cn.yiyang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Fifty identical requests under one Idempotency-Key, at once, on every idempotent route of a
 * function, generated from its route table: each answer is the first answer byte for byte, or 409
 * {@code IDEMPOTENCY_IN_PROGRESS} while the first runs, never a business refusal that the first
 * request's own effect causes (a cancel told "not cancellable" because its duplicate cancelled).
 * The storm's clients retry 503 as real ones do, and count in-progress answers as they come.
 */
public final class DuplicateStorm {

    public static final int DUPLICATES = 50;
    public static final String IN_PROGRESS = "IDEMPOTENCY_IN_PROGRESS";

    /**
     * One route's storm: the request, made after whatever set-up it needs (an order to cancel), and
     * an optional check, run after the storm, that the effect happened exactly once.
     */
    public record Case(ApiRequest request, Runnable exactlyOneEffect) {

        public static Case of(ApiRequest request) {
            return new Case(request, () -> { });
        }

        public Case {
            if (!request.headers().containsKey("idempotency-key")) {
                throw new IllegalArgumentException("a storm needs an Idempotency-Key: " + request.path());
            }
        }
    }

    private DuplicateStorm() {
    }

    /**
     * One dynamic test per idempotent route of {@code routes}; a route without a case fails, so a new
     * route cannot be added without its storm.
     */
    public static Stream<DynamicTest> overEveryIdempotentRoute(List<Route> routes, Map<Route, Supplier<Case>> cases,
                                                               Door door, Runnable afterEach) {
        return routes.stream().filter(Route::idempotent).map(route -> DynamicTest.dynamicTest(route.key(), () -> {
            assertThat(cases).as("a storm case for " + route.key()).containsKey(route);
            try {
                Case storm = cases.get(route).get();
                assertAllFirstAnswers(route, door, storm.request());
                storm.exactlyOneEffect().run();
            } finally {
                afterEach.run();
            }
        }));
    }

    /** The cases name only idempotent routes of the table, none twice. */
    public static void assertCasesMatch(List<Route> routes, Map<Route, ?> cases) {
        Set<String> idempotent = routes.stream().filter(Route::idempotent).map(Route::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = cases.keySet().stream().map(Route::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).isEqualTo(idempotent);
    }

    public static List<ApiAnswer> assertAllFirstAnswers(Route route, Door door, ApiRequest request) {
        Door client = RetryingClient.retryingOnlyUnavailable(door);

        List<ApiAnswer> answers = Concurrently.run(DUPLICATES, i -> client.send(request));

        List<ApiAnswer> decided = answers.stream().filter(a -> !(a.status() == 409 && IN_PROGRESS.equals(codeOf(a)))).toList();
        String outcomes = answers.stream().collect(Collectors.groupingBy(a -> a.status() + " " + codeOf(a), Collectors.counting()))
                .toString();
        assertThat(decided).as(route.key() + ": some request decided; " + outcomes).isNotEmpty();
        ApiAnswer first = decided.get(0);
        assertThat(first.status()).as(route.key() + ": the first answer is a success; " + first).isBetween(200, 299);
        assertThat(decided).as(route.key() + ": every decided answer is the first, byte for byte; " + outcomes)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(first.status());
                    assertThat(a.body()).isEqualTo(first.body());
                });
        ApiAnswer later = RetryingClient.around(door).send(request);
        assertThat(later.status()).as(route.key() + ": a later retry").isEqualTo(first.status());
        assertThat(later.body()).as(route.key() + ": a later retry replays").isEqualTo(first.body());
        return answers;
    }

    private static String codeOf(ApiAnswer answer) {
        return answer.isProblem() ? answer.code() : "";
    }
}
