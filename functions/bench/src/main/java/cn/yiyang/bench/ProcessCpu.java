package cn.yiyang.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A process's CPU time so far (user + system, all its threads: the Lambda's, the event loop, GC), from
 * {@code /proc/<pid>/stat}. Unlike wall time on a shared machine, it is what the process itself did.
 */
final class ProcessCpu {

    /** Linux reports CPU time in clock ticks of USER_HZ, 100 a second on every architecture it runs here. */
    private static final long TICKS_PER_SECOND = 100;
    private static final int UTIME_FIELD = 14;

    private ProcessCpu() {
    }

    static double millis(long pid) {
        try {
            return millis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }

    /**
     * The CPU time of the process's live threads so far, summed by thread name with its digits dropped (the JIT's
     * "C2 CompilerThread0" and "…1" count as one): which of its threads did the work. A thread that has ended is
     * not counted.
     */
    static Map<String, Double> byThread(long pid) {
        Map<String, Double> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    byName.merge(name, millis(stat), Double::sum);
                } catch (NoSuchFileException ended) {
                    // the thread ended while the list was read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the threads of process " + pid, e);
        }
        return byName;
    }

    private static double millis(String stat) {
        // fields after the command name, which is in parentheses and may hold spaces; field 3 comes first
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[UTIME_FIELD - 3]) + Long.parseLong(fields[UTIME_FIELD - 2]);
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }
}
