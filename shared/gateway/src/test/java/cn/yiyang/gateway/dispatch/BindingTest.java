package cn.yiyang.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.problem.ProblemCode;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingTest {

    private static final Route.Builder IN = Route.in("test");
    private static final Route CREATE = IN.post("/v1/things", "create", Role.OFFICER);
    private static final Route GET = IN.get("/v1/things/{id}", "get", Role.OFFICER);
    private static final Route OVERDUE = IN.get("/v1/things/overdue", "overdue", Role.OFFICER);

    record Guarded<R>(Handler<R> delegate) implements Handler<R>, IdempotencyGuarded {
        @Override
        public Reply handle(Invocation<R> invocation) {
            return delegate.handle(invocation);
        }
    }

    @Test
    void anIdempotentRoute_refusesAHandlerThatCannotRecordTheKeyWithItsWrite() {
        Handler<ById> unguarded = invocation -> Reply.ok(Map.of());

        assertThatThrownBy(() -> Binding.of(CREATE, ById.class, unguarded))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not guarded");
        assertThat(Binding.of(CREATE, ById.class, new Guarded<>(unguarded)).route()).isEqualTo(CREATE);
    }

    @Test
    void aLiteralSegment_winsOverAParameter_andParametersArePercentDecoded() {
        RouteTable table = new RouteTable(List.of(
                Binding.of(GET, ById.class, invocation -> Reply.ok(Map.of())),
                Binding.of(OVERDUE, cn.yiyang.kernel.api.NoInput.class, invocation -> Reply.ok(Map.of()))));

        assertThat(table.match("GET", "/v1/things/overdue").route()).isEqualTo(OVERDUE);
        RouteTable.Match match = table.match("GET", "/v1/things/a%20b");
        assertThat(match.route()).isEqualTo(GET);
        assertThat(match.pathParams()).containsEntry("id", "a b");
    }

    @Test
    void anotherMethodOnAKnownPath_is405_andAnUnknownPath404() {
        RouteTable table = new RouteTable(List.of(Binding.of(GET, ById.class, invocation -> Reply.ok(Map.of()))));

        assertThatThrownBy(() -> table.match("DELETE", "/v1/things/1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code().httpStatus()).isEqualTo(405));
        assertThatThrownBy(() -> table.match("GET", "/v1/nothing"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code().httpStatus()).isEqualTo(404));
    }

    @Test
    void aRoutesProblems_areTheRequestPathsForItsKind_andThoseItsBindingDeclares() {
        Binding create = Binding.of(CREATE, ById.class, new Guarded<>(invocation -> Reply.ok(Map.of())))
                .refuses(TestProblem.THING_SOLD_OUT);
        Binding get = Binding.of(GET, ById.class, invocation -> Reply.ok(Map.of()));

        assertThat(create.problems()).contains(TestProblem.THING_SOLD_OUT, CommonProblem.IDEMPOTENCY_KEY_REUSED,
                CommonProblem.BODY_TOO_LARGE, CommonProblem.FORBIDDEN, CommonProblem.VALIDATION_FAILED);
        assertThat(get.problems()).contains(CommonProblem.ROUTE_NOT_FOUND, CommonProblem.UNAUTHENTICATED)
                .doesNotContain(TestProblem.THING_SOLD_OUT, CommonProblem.IDEMPOTENCY_KEY_REUSED, CommonProblem.BODY_TOO_LARGE);
        assertThat(create.problems()).isSortedAccordingTo(java.util.Comparator.comparingInt(ProblemCode::httpStatus));
    }

    @Test
    void aRefusalWithACodeTheBindingDoesNotDeclare_isAnError_aDeclaredOneIsNot() {
        Binding get = Binding.of(GET, ById.class, invocation -> Reply.ok(Map.of())).refuses(TestProblem.THING_GONE);

        get.checkProblem(TestProblem.THING_GONE);
        get.checkProblem(CommonProblem.NOT_FOUND);
        assertThatThrownBy(() -> get.checkProblem(TestProblem.THING_SOLD_OUT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /v1/things/{id} refused with THING_SOLD_OUT");
        assertThatThrownBy(() -> get.refuses(TestProblem.THING_GONE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declared twice");
    }

    enum TestProblem implements ProblemCode {
        THING_SOLD_OUT(409), THING_GONE(410);

        private final int status;

        TestProblem(int status) {
            this.status = status;
        }

        @Override
        public int httpStatus() {
            return status;
        }
    }

    @Test
    void aRouteDeclaredTwice_failsAtStart() {
        Binding one = Binding.of(GET, ById.class, invocation -> Reply.ok(Map.of()));

        assertThatThrownBy(() -> new RouteTable(List.of(one, one)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declared twice");
    }
}
