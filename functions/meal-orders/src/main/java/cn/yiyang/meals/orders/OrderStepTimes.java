package cn.yiyang.meals.orders;

import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where a meal order's time goes, for the harness (YIYANG_MEAL_ORDER_STEP_TIMES=true; off by default): the
 * microseconds from one step's end to the next, and the CPU time the Lambda thread used in each (on a shared
 * machine the wall time is partly the neighbours', the CPU time is the function's own), logged as one line per
 * placed order that MealOrderBenchmark reads back. A Lambda serves one request at a time, so one order's marks are
 * kept at once; with the flag off nothing is kept or logged and the route's handler is not wrapped.
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

    private final boolean on;
    private final Clock clock;
    private final Map<Step, Long> marks = new EnumMap<>(Step.class);
    private final Map<Step, Long> cpuMarks = new EnumMap<>(Step.class);
    private long startedNanos;
    private long startedCpuNanos;

    public OrderStepTimes(@ConfigProperty(name = "yiyang.meals.step-times", defaultValue = "false") boolean on,
                          Clock clock) {
        this.on = on;
        this.clock = clock;
    }

    /** The placement's handler, timed when the flag is on; the handler itself when it is off. */
    public <R> Handler<R> timed(Handler<R> placement) {
        return on ? new Timed<>(placement, this) : placement;
    }

    public void mark(Step step) {
        if (on) {
            synchronized (marks) {
                marks.put(step, System.nanoTime());
                cpuMarks.put(step, threadCpuNanos());
            }
        }
    }

    /** The door's CPU time is not known (it began before the operation): its wall time only. */
    private void start(Invocation<?> invocation) {
        long door = Math.max(0, Duration.between(invocation.receivedAt(), clock.instant()).toNanos());
        synchronized (marks) {
            marks.clear();
            cpuMarks.clear();
            long now = System.nanoTime();
            startedNanos = now - door;
            startedCpuNanos = threadCpuNanos();
            marks.put(Step.DOOR, now);
            cpuMarks.put(Step.DOOR, startedCpuNanos);
        }
    }

    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private void log() {
        String line = line();
        if (line != null) {
            LOG.info(line);
        }
    }

    /** The order's line, if every step was marked (a refusal or a replay has none); null otherwise. */
    String line() {
        StringBuilder line = new StringBuilder(LINE);
        synchronized (marks) {
            if (!marks.keySet().containsAll(EnumSet.allOf(Step.class))) {
                return null;
            }
            long previous = startedNanos;
            long previousCpu = startedCpuNanos;
            for (Step step : Step.values()) {
                String name = step.name().toLowerCase(Locale.ROOT);
                line.append(' ').append(name).append('=').append(Math.max(0, marks.get(step) - previous) / 1_000);
                if (step != Step.DOOR) {
                    line.append(' ').append(name).append("_cpu=").append(Math.max(0, cpuMarks.get(step) - previousCpu) / 1_000);
                }
                previous = marks.get(step);
                previousCpu = cpuMarks.get(step);
            }
        }
        return line.toString();
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
                steps.log();
            }
            return reply;
        }
    }
}
