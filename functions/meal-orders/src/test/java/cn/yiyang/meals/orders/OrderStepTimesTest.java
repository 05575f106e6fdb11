package cn.yiyang.meals.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The harness's stopwatch: off, the placement's handler is the very same; on, it keeps the idempotency guard. */
class OrderStepTimesTest {

    private static final Reply PLACED = new Reply(201, "{}", Map.of());

    @Test
    void off_leavesThePlacementHandlerAsItIs() {
        Handler<String> placement = new Guarded(invocation -> PLACED);

        assertThat(new OrderStepTimes(false, Clock.systemUTC()).timed(placement)).isSameAs(placement);
    }

    @Test
    void on_keepsTheIdempotencyGuard_andAnswersWhatThePlacementAnswers() {
        OrderStepTimes steps = new OrderStepTimes(true, Clock.systemUTC());

        Handler<String> timed = steps.timed(new Guarded(invocation -> PLACED));

        assertThat(timed).isInstanceOf(IdempotencyGuarded.class);
        assertThat(timed.handle(invocation())).isSameAs(PLACED);
    }

    @Test
    void on_refusesToTimeAHandlerThatDoesNotHonourItsKey() {
        Handler<String> unguarded = invocation -> PLACED;

        assertThatThrownBy(() -> new OrderStepTimes(true, Clock.systemUTC()).timed(unguarded))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void on_aPlacedOrderHasOneLineWithEveryStepAndItsCpuTime() {
        OrderStepTimes steps = new OrderStepTimes(true, Clock.systemUTC());
        Handler<String> timed = steps.timed(new Guarded(invocation -> {
            steps.mark(OrderStepTimes.Step.READS);
            steps.mark(OrderStepTimes.Step.DOCUMENTS);
            steps.mark(OrderStepTimes.Step.ORDER);
            steps.mark(OrderStepTimes.Step.ANSWER);
            return PLACED;
        }));

        timed.handle(invocation());

        assertThat(steps.line()).startsWith(OrderStepTimes.LINE).containsPattern(
                " door=[0-9]+ reads=[0-9]+ reads_cpu=[0-9]+ documents=[0-9]+ documents_cpu=[0-9]+ order=[0-9]+ "
                        + "order_cpu=[0-9]+ answer=[0-9]+ answer_cpu=[0-9]+ transaction=[0-9]+ transaction_cpu=[0-9]+$");
    }

    @Test
    void on_aRefusalHasNoLine() {
        OrderStepTimes steps = new OrderStepTimes(true, Clock.systemUTC());
        Handler<String> timed = steps.timed(new Guarded(invocation -> {
            steps.mark(OrderStepTimes.Step.READS);
            return new Reply(409, "{}", Map.of());
        }));

        timed.handle(invocation());

        assertThat(steps.line()).isNull();
    }

    private static Invocation<String> invocation() {
        return new Invocation<>("meal-orders", new Caller("operator-1", "330105", Set.of()), "order",
                Optional.empty(), "request-1", Instant.now());
    }

    private record Guarded(Handler<String> delegate) implements Handler<String>, IdempotencyGuarded {
        @Override
        public Reply handle(Invocation<String> invocation) {
            return delegate.handle(invocation);
        }
    }
}
