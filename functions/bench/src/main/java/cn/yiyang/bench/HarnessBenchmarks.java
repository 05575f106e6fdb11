package cn.yiyang.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The throughput benchmarks, each in a JVM of its own on the harness's stores, with a smaller N:
 * their tables (each row beside its raw-store baseline measured in the same run, and the ratios)
 * become the harness's figures; their whole output is kept beside the results.
 */
final class HarnessBenchmarks {

    static final long BENCHMARK_TIMEOUT_SECONDS = 240;

    record Benchmark(String name, String mainClass, String module, int count) {
    }

    static final List<Benchmark> BENCHMARKS = List.of(
            new Benchmark("meal orders", "cn.yiyang.bench.MealOrderBenchmark", "meal-orders", 300),
            new Benchmark("bookings", "cn.yiyang.bench.BookingBenchmark", "service-bookings", 200),
            new Benchmark("fund transfers", "cn.yiyang.bench.FundTransferBenchmark", "fund-lines", 200));

    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (\\d+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\|$");
    private static final Pattern RATIO = Pattern.compile("^\\| (.+?) \\| ([\\d.]+)× \\| ([\\d.]+)× \\|$");

    private HarnessBenchmarks() {
    }

    static void run(Path repo, HarnessStores stores, Path outDir, HarnessReport report, List<Benchmark> benchmarks) throws Exception {
        for (Benchmark b : benchmarks) {
            Path jar = repo.resolve("functions/" + b.module() + "/target/yiyang-" + b.module() + "-0.1.0-SNAPSHOT-runner.jar");
            Path out = outDir.resolve(b.module() + "-benchmark.md");
            ProcessBuilder builder = new ProcessBuilder(LambdaChild.javaCommand(), "-Xmx1g",
                    "-Dyiyang.bench.lambda-jar=" + jar, "-Dyiyang.bench.out-dir=" + outDir.resolve("benchmarks"),
                    "-cp", System.getProperty("java.class.path"), b.mainClass(), Integer.toString(b.count()))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).directory(repo.toFile());
            LambdaChild.cleanEnvironment(builder).putAll(stores.childEnvironment());
            Process process = builder.start();
            if (!process.waitFor(BENCHMARK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(b.name() + " benchmark still running after " + BENCHMARK_TIMEOUT_SECONDS + " s; see " + out);
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            int rows = 0;
            for (String line : lines) {
                Matcher row = ROW.matcher(line.strip());
                Matcher ratio = RATIO.matcher(line.strip());
                if (row.matches()) {
                    rows++;
                    report.figure(b.name(), row.group(1), String.format("%s/s, p50 %s ms, p99 %s ms (n=%s)", row.group(3),
                            row.group(4), row.group(5), row.group(2)), rows == 1 ? "the function" : "baseline");
                    report.latency(b.name() + ": " + row.group(1), Double.parseDouble(row.group(4)), Double.parseDouble(row.group(5)));
                } else if (ratio.matches()) {
                    report.figure(b.name(), "ratio " + ratio.group(1), "throughput " + ratio.group(2) + "×, p50 " + ratio.group(3) + "×",
                            "same run");
                }
            }
            String verdict = b.name() + " benchmark exited " + process.exitValue() + " with " + rows + " table rows; see " + out;
            report.check(b.name(), "the benchmark ran and printed its rows beside its baseline", () -> {
                Invariants.equal(verdict + " (exit code)", 0, process.exitValue());
                Invariants.atLeast(verdict + " (rows)", 2, rowsOf(lines));
            });
        }
    }

    private static long rowsOf(List<String> lines) {
        return lines.stream().filter(l -> ROW.matcher(l.strip()).matches()).count();
    }

    static List<Benchmark> available(Path repo) {
        List<Benchmark> found = new ArrayList<>(BENCHMARKS);
        try {
            Class.forName("cn.yiyang.bench.TimeBankBenchmark");
            found.add(new Benchmark("time-bank exchanges", "cn.yiyang.bench.TimeBankBenchmark", "time-bank", 300));
        } catch (ClassNotFoundException e) {
            // not built yet: the harness names it as missing
        }
        return found;
    }
}
