package cn.yiyang.bench;

import cn.yiyang.embedded.LocalStores;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every benchmark's {@code main} shares: the report goes to the console, everything else
 * this JVM prints (the stores) to a file; the stores are stopped and the JVM exits with 0 or 1,
 * since DynamoDB Local leaves a non-daemon thread behind that exec:java would wait for forever.
 */
final class BenchMain {

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

    /** A function's runner jar, named by a system property (set by the exec execution), with its lib/ beside it. */
    static Path runnerJar(String property, String fallback) {
        Path jar = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
            throw new IllegalStateException("no runner jar with lib/ beside it at " + jar
                    + ": build the project first (mvn -B -o install -DskipTests)");
        }
        return jar;
    }

    /** target/{name} (created), and from now on this JVM's own output goes to stores.log in it. */
    static Path outDir(String name) throws IOException {
        Path out = Path.of(System.getProperty("yiyang.bench.out-dir", "shared/bench/target"))
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
