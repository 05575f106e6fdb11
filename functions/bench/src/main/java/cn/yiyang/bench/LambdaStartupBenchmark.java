package cn.yiyang.bench;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import cn.yiyang.bench.FakeLambdaRuntime.Memory;
import static cn.yiyang.bench.BenchMain.CONSOLE;
import static cn.yiyang.bench.LambdaChild.GC_FLAG;
import static cn.yiyang.bench.LambdaChild.HANDLER;

import cn.yiyang.embedded.LocalStores;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Cold start and memory of the residents Lambda (JVM mode) against a trivial JVM, on this machine.
 *
 * <p>Each run launches the function's JVM as AWS's Java runtime would ({@link LambdaJavaRuntime}
 * with the runner jar and its lib/ on the class path, plus {@code -XX:+UseSerialGC}) against a fake
 * Lambda Runtime API on loopback that hands out one API Gateway v2 event
 * ({@code GET /v1/residents?phone=} as an operator, which reads PostgreSQL), and measures from just
 * before the process starts to the moment the answer is posted back, plus VmRSS/VmHWM at that moment. The baseline launches
 * {@link HelloJvm} with the same flag and measures to its first line. A first, unmeasured launch
 * also calls {@code GET /v1/usage} and applies the migrations and creates the tables, so that every
 * measured run finds the same stores. Arguments: [runs] (default 5).
 */
public final class LambdaStartupBenchmark {

    private static final String FUNCTION = "yiyang-residents";
    private static final String COUNTY = "330105";
    private static final long BUDGET_SECONDS = 170;
    private static final long LAUNCH_TIMEOUT_SECONDS = 45;

    /** One launch: time to the first answer (or line) and the process's memory at that moment. */
    record Sample(double millis, Memory memory) {
    }

    private final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
    private final Path lambdaJar;
    private final Path outDir;

    private LambdaStartupBenchmark(Path lambdaJar, Path outDir) {
        this.lambdaJar = lambdaJar;
        this.outDir = outDir;
    }

    public static void main(String[] args) {
        BenchMain.run(args, LambdaStartupBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = BenchMain.runnerJar("yiyang.bench.lambda-jar",
                "functions/residents/target/yiyang-residents-0.1.0-SNAPSHOT-runner.jar");
        new LambdaStartupBenchmark(jar, BenchMain.outDir("lambda-startup")).run(runs);
    }

    private void run(int runs) throws Exception {
        Map<String, String> stores = LocalStores.startIfNeeded();
        String operator = Tokens.of(COUNTY, "bench-operator", Role.OPERATOR);
        String officer = Tokens.of(COUNTY, "bench-officer", Role.OFFICER);
        String lookUp = LambdaDoor.eventJson(ApiRequest.get("/v1/residents").bearer(operator).query("phone", "13800000000"));
        String usage = LambdaDoor.eventJson(ApiRequest.get("/v1/usage").bearer(officer)
                .query("month", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString()));

        List<Sample> lambda = new ArrayList<>();
        List<Sample> baseline = new ArrayList<>();
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(FUNCTION)) {
            ProcessBuilder lambdaProcess = lambdaProcess(api.address(), stores);
            Sample warmUp = launchLambda(api, lambdaProcess, List.of(usage, lookUp), outDir.resolve("residents-warm-up.log"));
            for (int i = 1; i <= runs; i++) {
                if (secondsLeft() < LAUNCH_TIMEOUT_SECONDS) {
                    CONSOLE.printf("Stopped after %d of %d runs: the %d s time budget is nearly spent.%n",
                            i - 1, runs, BUDGET_SECONDS);
                    break;
                }
                lambda.add(launchLambda(api, lambdaProcess, List.of(lookUp), outDir.resolve("residents-" + i + ".log")));
                baseline.add(launchBaseline(outDir.resolve("hello-" + i + ".log")));
            }
            print(lambda, baseline, warmUp);
        }
    }

    private ProcessBuilder lambdaProcess(String runtimeApi, Map<String, String> stores) {
        ProcessBuilder builder = LambdaChild.builder(lambdaJar, FUNCTION, runtimeApi, stores.get("yiyang.dynamo.endpoint"), outDir);
        LambdaChild.usePostgres(builder, stores);
        Map<String, String> env = builder.environment();
        env.put("YIYANG_PII_ENCRYPTION_KEY", randomKey());
        env.put("YIYANG_PII_INDEX_KEY", randomKey());
        return builder;
    }

    /** Launches the Lambda, hands it the events and checks that every answer is a v2 response with status 200. */
    private Sample launchLambda(FakeLambdaRuntime api, ProcessBuilder builder, List<String> events, Path log)
            throws Exception {
        FakeLambdaRuntime.Run run = api.arm(events);
        builder.redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        run.pid(process.pid());
        try {
            Answer first = null;
            for (CompletableFuture<Answer> future : run.answers()) {
                Answer answer = LambdaChild.await(future, process, log, Math.min(LAUNCH_TIMEOUT_SECONDS, secondsLeft()));
                LambdaChild.expectStatus(answer, 200, log);
                first = first == null ? answer : first;
            }
            Memory memory = first.memory() != null ? first.memory() : Memory.of(process.pid());
            return new Sample((first.receivedNanos() - start) / 1e6, memory);
        } finally {
            run.end();
            LambdaChild.stop(process);
        }
    }

    /** Launches {@link HelloJvm} and waits for its one line. */
    private Sample launchBaseline(Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LambdaChild.javaCommand(), GC_FLAG, "-cp",
                LambdaChild.benchClasses().toString(), HelloJvm.class.getName()).redirectError(log.toFile());
        LambdaChild.cleanEnvironment(builder);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            CompletableFuture<Long> firstLine = CompletableFuture.supplyAsync(() -> {
                try {
                    var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    return reader.readLine() == null ? -1L : System.nanoTime();
                } catch (IOException e) {
                    return -1L;
                }
            });
            long seen = firstLine.get(Math.min(LAUNCH_TIMEOUT_SECONDS, secondsLeft()), TimeUnit.SECONDS);
            if (seen < 0) {
                throw new IllegalStateException("the baseline JVM printed nothing; see " + log);
            }
            Memory memory = Memory.of(process.pid());
            return new Sample((seen - start) / 1e6, memory);
        } finally {
            LambdaChild.stop(process);
        }
    }

    private long secondsLeft() {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadlineNanos - System.nanoTime()));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private void print(List<Sample> lambda, List<Sample> baseline, Sample warmUp) {
        CONSOLE.println();
        CONSOLE.println("## Residents Lambda (JVM mode) cold start vs. a trivial JVM");
        CONSOLE.println();
        CONSOLE.printf("Both launched as `java %s -cp ...` (no other flags: default heap sizing for %d CPUs, %d MB RAM), Java %s.%n",
                GC_FLAG, Runtime.getRuntime().availableProcessors(), BenchMain.totalMemoryMb(), System.getProperty("java.version"));
        CONSOLE.println("Time: from just before ProcessBuilder.start() to the response POST to the fake Runtime API "
                + "(Lambda, `GET /v1/residents?phone=` as operator, PostgreSQL read) or to the first stdout line (baseline).");
        CONSOLE.println("Lambda JVM: " + LambdaJavaRuntime.class.getSimpleName() + " (stand-in for the AWS Java runtime) + "
                + HANDLER + " from " + lambdaJar.getFileName() + " and its lib/.");
        CONSOLE.println("Memory: VmRSS / VmHWM from /proc/<pid>/status at that moment.");
        CONSOLE.println();
        CONSOLE.println("| JVM | runs | min ms | median ms | max ms | median RSS MB | peak RSS MB (max VmHWM) |");
        CONSOLE.println("|---|---:|---:|---:|---:|---:|---:|");
        row("residents Lambda, first response", lambda);
        row("baseline HelloJvm, first line", baseline);
        if (!lambda.isEmpty()) {
            CONSOLE.printf("| ratio Lambda / baseline | | %.1f× | %.1f× | %.1f× | %.1f× | %.1f× |%n",
                    min(lambda, Sample::millis) / min(baseline, Sample::millis),
                    median(lambda, Sample::millis) / median(baseline, Sample::millis),
                    max(lambda, Sample::millis) / max(baseline, Sample::millis),
                    median(lambda, LambdaStartupBenchmark::rssMb) / median(baseline, LambdaStartupBenchmark::rssMb),
                    max(lambda, LambdaStartupBenchmark::hwmMb) / max(baseline, LambdaStartupBenchmark::hwmMb));
        }
        CONSOLE.println();
        CONSOLE.printf("Not counted: a first launch (migrations, table creation, `GET /v1/usage` then the look-up) "
                + "answered in %.0f ms.%n", warmUp.millis());
        CONSOLE.println("Child output: " + outDir + "/residents-*.log, hello-*.log; stores: stores.log");
    }

    private static void row(String name, List<Sample> samples) {
        CONSOLE.printf("| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name, samples.size(),
                min(samples, Sample::millis), median(samples, Sample::millis), max(samples, Sample::millis),
                median(samples, LambdaStartupBenchmark::rssMb), max(samples, LambdaStartupBenchmark::hwmMb));
    }

    private static double rssMb(Sample sample) {
        return sample.memory().rssKb() / 1024.0;
    }

    private static double hwmMb(Sample sample) {
        return sample.memory().hwmKb() / 1024.0;
    }

    private static double min(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Stats.min(Stats.values(samples, value));
    }

    private static double max(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Stats.max(Stats.values(samples, value));
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Stats.median(Stats.values(samples, value));
    }
}
