package cn.yiyang.kernel.timing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where one request's time goes, for the harness's benchmarks: the microseconds from one step's end to the next
 * (and, for the steps asked for, the CPU time the request's thread used in each), logged as one line,
 * {@code "<prefix> step=us step_cpu=us ... figure=us"}, that the benchmark reads back. A Lambda serves one request
 * at a time, so one request's marks are kept at once. With the flag off each call is one test of it: nothing is
 * kept or logged. Each function wraps one in its own bean, with its steps, its flag and its line's prefix.
 *
 * @param <S> the steps, declared in the order they end
 */
public final class StepTimes<S extends Enum<S>> {

    private final boolean on;
    private final Class<S> steps;
    private final Set<S> cpuTimed;
    private final String prefix;
    private final List<String> figureNames;
    private final Consumer<String> log;

    private final Map<S, Long> marks;
    private final Map<S, Long> cpuMarks;
    private final long[] figures;
    private long startedNanos;
    private long startedCpuNanos;

    private StepTimes(boolean on, Class<S> steps, Set<S> cpuTimed, String prefix, List<String> figureNames,
                      Consumer<String> log) {
        this.on = on;
        this.steps = steps;
        this.cpuTimed = cpuTimed.isEmpty() ? EnumSet.noneOf(steps) : EnumSet.copyOf(cpuTimed);
        this.prefix = prefix;
        this.figureNames = List.copyOf(figureNames);
        this.log = log;
        this.marks = new EnumMap<>(steps);
        this.cpuMarks = new EnumMap<>(steps);
        this.figures = new long[figureNames.size()];
    }

    /** Wall time per step, and after the steps the named figures a caller reports ({@link #figure}), 0 when not. */
    public static <S extends Enum<S>> StepTimes<S> wall(boolean on, Class<S> steps, String prefix, Consumer<String> log,
                                                        String... figures) {
        return new StepTimes<>(on, steps, Set.of(), prefix, List.of(figures), log);
    }

    /** Wall time per step, and the thread's CPU time too for the steps in {@code cpuTimed} ({@code <step>_cpu}). */
    public static <S extends Enum<S>> StepTimes<S> wallAndCpu(boolean on, Class<S> steps, Set<S> cpuTimed, String prefix,
                                                              Consumer<String> log) {
        return new StepTimes<>(on, steps, cpuTimed, prefix, List.of(), log);
    }

    public boolean on() {
        return on;
    }

    /** A new request: its first step's time runs from now. */
    public void start() {
        if (on) {
            synchronized (marks) {
                clear();
                startedNanos = System.nanoTime();
                startedCpuNanos = cpuNanos();
            }
        }
    }

    /**
     * A new request whose first step ends now, after {@code nanos} the timer did not see (it began before the
     * timer's start): that step's wall time; its CPU time is not known, so leave it out of the CPU-timed ones.
     */
    public void startWith(S firstStep, long nanos) {
        if (on) {
            synchronized (marks) {
                clear();
                long now = System.nanoTime();
                startedNanos = now - Math.max(0, nanos);
                startedCpuNanos = cpuNanos();
                marks.put(firstStep, now);
                if (!cpuTimed.isEmpty()) {
                    cpuMarks.put(firstStep, startedCpuNanos);
                }
            }
        }
    }

    /** The step ends now. */
    public void mark(S step) {
        if (on) {
            synchronized (marks) {
                marks.put(step, System.nanoTime());
                if (!cpuTimed.isEmpty()) {
                    cpuMarks.put(step, threadCpuNanos());
                }
            }
        }
    }

    /** A side figure of the request (one named at the start), in nanoseconds: a read's own time, say. */
    public void figure(String name, long nanos) {
        if (on) {
            int index = figureNames.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("not a figure of this line: " + name);
            }
            synchronized (marks) {
                figures[index] = nanos;
            }
        }
    }

    /** {@link System#nanoTime()} when on, 0 when off (for timing a figure at no cost when off). */
    public long now() {
        return on ? System.nanoTime() : 0;
    }

    /** The request's line, once every step is marked (a refusal or a replay has none). */
    public void log() {
        if (on) {
            String line = line();
            if (line != null) {
                log.accept(line);
            }
        }
    }

    /** The request's line if every step was marked; null otherwise (and always when off). */
    public String line() {
        StringBuilder line = new StringBuilder(prefix);
        synchronized (marks) {
            if (!marks.keySet().containsAll(EnumSet.allOf(steps))) {
                return null;
            }
            long previous = startedNanos;
            long previousCpu = startedCpuNanos;
            for (S step : steps.getEnumConstants()) {
                String name = step.name().toLowerCase(Locale.ROOT);
                long at = marks.get(step);
                line.append(' ').append(name).append('=').append(Math.max(0, at - previous) / 1_000);
                previous = at;
                if (!cpuTimed.isEmpty()) {
                    long cpuAt = cpuMarks.get(step);
                    if (cpuTimed.contains(step)) {
                        line.append(' ').append(name).append("_cpu=").append(Math.max(0, cpuAt - previousCpu) / 1_000);
                    }
                    previousCpu = cpuAt;
                }
            }
            for (int i = 0; i < figures.length; i++) {
                line.append(' ').append(figureNames.get(i)).append('=').append(figures[i] / 1_000);
            }
        }
        return line.toString();
    }

    private void clear() {
        marks.clear();
        cpuMarks.clear();
        Arrays.fill(figures, 0);
    }

    private long cpuNanos() {
        return cpuTimed.isEmpty() ? 0 : threadCpuNanos();
    }

    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }
}
