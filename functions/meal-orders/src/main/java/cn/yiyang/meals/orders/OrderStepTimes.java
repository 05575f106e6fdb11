package cn.yiyang.meals.orders;

import cn.yiyang.kernel.timing.StepTimes;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where a meal order's time goes, for the harness (YIYANG_MEAL_ORDER_STEP_TIMES=true; off by default): the
 * microseconds from one step's end to the next, and the CPU time the Lambda thread used in each (on a shared
 * machine the wall time is partly the neighbours', the CPU time is the function's own), logged as one line per
 * placed order that MealOrderBenchmark reads back ({@link StepTimes}); with the flag off nothing is kept or logged
 * and the route's handler is not wrapped.
 */
@ApplicationScoped
public class OrderStepTimes {

    /** The steps in the order they end; each one's time runs from the end of the one before. */
    public enum Step {
        /** From the dispatcher's receipt to the operation: route, token, roles, the body bound, the key's fingerprint. */
        DOOR,
        /** The one BatchGetItem: card, point, menu, policy, claim and caps. */
        READS,
        /** The card read and the point, menu and policy documents decoded. */
        DOCUMENTS,
        /** Access, the slot's rules, pricing and the order itself (its id and confirmation code). */
        ORDER,
        /** The answer's JSON and the transaction's items. */
        ANSWER,
        /** The idempotency record and the TransactWriteItems, to the handler's return. */
        TRANSACTION
    }

    private static final Logger LOG = Logger.getLogger(OrderStepTimes.class);
    /** The line's start, as MealOrderBenchmark looks for it. */
    public static final String LINE = "meal order step times (us):";

    /** Never on: for the readers that share the placement's code without being timed (the quote). */
    static final OrderStepTimes OFF = new OrderStepTimes(false, Clock.systemUTC());

    private final StepTimes<Step> times;
    private final Clock clock;

    public OrderStepTimes(@ConfigProperty(name = "yiyang.meals.step-times", defaultValue = "false") boolean on,
                          Clock clock) {
        this.times = StepTimes.wallAndCpu(on, Step.class, EnumSet.complementOf(EnumSet.of(Step.DOOR)), LINE,
                line -> LOG.info(line));
        this.clock = clock;
    }

    /** The placement's handler, timed when the flag is on; the handler itself when it is off. */
    public <R> Handler<R> timed(Handler<R> placement) {
        return times.on() ? new Timed<>(placement, this) : placement;
    }

    public void mark(Step step) {
        times.mark(step);
    }

    /** The door's CPU time is not known (it began before the operation): its wall time only. */
    private void start(Invocation<?> invocation) {
        times.startWith(Step.DOOR, Duration.between(invocation.receivedAt(), clock.instant()).toNanos());
    }

    /** The order's line, if every step was marked (a refusal or a replay has none); null otherwise. */
    String line() {
        return times.line();
    }

    /** Keeps the placement's own idempotency guard: only the stopwatch is added. */
    private record Timed<R>(Handler<R> guarded, OrderStepTimes steps) implements Handler<R>, IdempotencyGuarded {

        Timed {
            if (!(guarded instanceof IdempotencyGuarded)) {
                throw new IllegalArgumentException("only a transaction that honours its Idempotency-Key is timed");
            }
        }

        @Override
        public Reply handle(Invocation<R> invocation) {
            steps.start(invocation);
            Reply reply = guarded.handle(invocation);
            if (reply.status() == 201 && !reply.headers().containsKey(Reply.REPLAYED_HEADER)) {
                steps.mark(Step.TRANSACTION);
                steps.times.log();
            }
            return reply;
        }
    }
}
