package cn.yiyang.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A process's CPU time so far (user + system, all its threads: the Lambda's, the event loop, GC), from
 * {@code /proc/<pid>/stat}. Unlike wall time on a shared machine, it is what the process itself did.
 * {@link #byThreadKind} splits it by what the threads do, from {@code /proc/<pid>/task/<tid>/stat}: the
 * handler's own threads (the Lambda thread and the Vert.x event loops) against the JIT compilers and the
 * JVM's GC and VM threads, whose CPU is per JVM (warm-up, heap), not per request.
 */
final class ProcessCpu {

    /** Linux reports CPU time in clock ticks of USER_HZ, 100 a second on every architecture it runs here. */
    private static final long TICKS_PER_SECOND = 100;
    private static final int UTIME_FIELD = 14;

    /** What a thread of the function's JVM does, by its name (Linux keeps the first 15 characters). */
    enum ThreadKind {
        /** The Lambda thread (the runtime's poll loop, Funqy, the dispatcher) and the Vert.x event loops (the SQL). */
        HANDLER,
        /** C1 and C2 compiler threads. */
        JIT,
        /** The collector and the VM thread (safepoints). */
        GC_AND_VM,
        OTHER;

        static ThreadKind of(String name) {
            if (name.equals("java") || name.equals("main") || name.startsWith("vert.x-eventloo")) {
                return HANDLER;
            }
            if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                return JIT;
            }
            if (name.startsWith("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                return GC_AND_VM;
            }
            return OTHER;
        }
    }

    private ProcessCpu() {
    }

    static double millis(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * 1000.0 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** The CPU time so far of the process's live threads, ms by kind (a thread that ended is no longer counted). */
    static Map<ThreadKind, Double> byThreadKind(long pid) {
        Map<ThreadKind, Double> millis = new EnumMap<>(ThreadKind.class);
        for (ThreadKind kind : ThreadKind.values()) {
            millis.put(kind, 0.0);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    ThreadKind kind = ThreadKind.of(Files.readString(task.resolve("comm")).strip());
                    millis.merge(kind, ticks(Files.readString(task.resolve("stat"))) * 1000.0 / TICKS_PER_SECOND, Double::sum);
                } catch (NoSuchFileException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the threads of process " + pid, e);
        }
        return millis;
    }

    /** {@code after - before}, kind by kind. */
    static Map<ThreadKind, Double> since(Map<ThreadKind, Double> before, Map<ThreadKind, Double> after) {
        Map<ThreadKind, Double> spent = new EnumMap<>(ThreadKind.class);
        after.forEach((kind, ms) -> spent.put(kind, ms - before.getOrDefault(kind, 0.0)));
        return spent;
    }

    private static long ticks(String stat) {
        // fields after the command name, which is in parentheses and may hold spaces; field 3 comes first
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[UTIME_FIELD - 3]) + Long.parseLong(fields[UTIME_FIELD - 2]);
    }
}
