package cn.yiyang.bench;

import cn.yiyang.embedded.LocalStores;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What every benchmark's {@code main} shares: the report goes to the console, everything else
 * this JVM prints (the stores) to a file; the stores are stopped and the JVM exits with 0 or 1,
 * since DynamoDB Local leaves a non-daemon thread behind that exec:java would wait for forever.
 */
final class BenchMain {

    private static final long STOP_STORES_SECONDS = 20;

    /** The report goes here. */
    static final PrintStream CONSOLE = System.out;

    /** A benchmark's body, given the command-line arguments. */
    interface Body {
        void run(String[] args) throws Exception;
    }

    private BenchMain() {
    }

    static void run(String[] args, Body body) {
        int status = 1;
        try {
            body.run(args);
            status = 0;
        } catch (Exception e) {
            CONSOLE.println("Benchmark failed: " + e.getMessage());
            e.printStackTrace(CONSOLE);
        } finally {
            LocalStores.stop();
        }
        System.exit(status);
    }

    /**
     * Bounds the whole run even if a call blocks where no timeout reaches: after {@code seconds},
     * prints where the main thread is, runs {@code cleanup} (stop child processes), stops the
     * stores (waiting at most {@value #STOP_STORES_SECONDS} s) and halts the JVM with 1.
     */
    static void watchdog(long seconds, Runnable cleanup) {
        Thread main = Thread.currentThread();
        Thread dog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            } catch (InterruptedException e) {
                return;
            }
            CONSOLE.println("Benchmark failed: still running after " + seconds + " s; the main thread is at:");
            for (StackTraceElement frame : main.getStackTrace()) {
                CONSOLE.println("\tat " + frame);
            }
            try {
                cleanup.run();
                Thread stop = new Thread(LocalStores::stop, "bench-watchdog-stop");
                stop.setDaemon(true);
                stop.start();
                stop.join(TimeUnit.SECONDS.toMillis(STOP_STORES_SECONDS));
            } catch (RuntimeException | InterruptedException e) {
                CONSOLE.println("Clean-up after the time limit failed: " + e);
            } finally {
                Runtime.getRuntime().halt(1);
            }
        }, "bench-watchdog");
        dog.setDaemon(true);
        dog.start();
    }

    /** A function's runner jar, named by a system property (set by the exec execution), with its lib/ beside it. */
    static Path runnerJar(String property, String fallback) {
        Path jar = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
            throw new IllegalStateException("no runner jar with lib/ beside it at " + jar
                    + ": build the project first (mvn -B -o install -DskipTests)");
        }
        return jar;
    }

    /** A runner jar at a known path, with its lib/ beside it. */
    static Path runnerJarAt(Path jar) {
        Path normal = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(normal) || !Files.isDirectory(normal.resolveSibling("lib"))) {
            throw new IllegalStateException("no runner jar with lib/ beside it at " + normal
                    + ": build the project first (mvn -B -o install -DskipTests)");
        }
        return normal;
    }

    /** target/{name} (created), and from now on this JVM's own output goes to stores.log in it. */
    static Path outDir(String name) throws IOException {
        Path out = Path.of(System.getProperty("yiyang.bench.out-dir", "functions/bench/target"))
                .toAbsolutePath().normalize().resolve(name);
        Files.createDirectories(out);
        PrintStream storesLog = new PrintStream(Files.newOutputStream(out.resolve("stores.log")), true, StandardCharsets.UTF_8);
        System.setOut(storesLog);
        System.setErr(storesLog);
        return out;
    }

    static long totalMemoryMb() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024);
    }
}
