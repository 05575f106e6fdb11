package cn.yiyang.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces; field 3 comes first
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[UTIME_FIELD - 3]) + Long.parseLong(fields[UTIME_FIELD - 2]);
            return ticks * 1000.0 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }
}
