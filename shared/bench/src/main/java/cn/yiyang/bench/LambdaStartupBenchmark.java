package cn.yiyang.bench;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import cn.yiyang.bench.FakeLambdaRuntime.Memory;
import cn.yiyang.embedded.LocalStores;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.TestKeys;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.concurrent.TimeoutException;
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

    private static final String GC_FLAG = "-XX:+UseSerialGC";
    private static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    private static final String COUNTY = "330105";
    private static final long BUDGET_SECONDS = 170;
    private static final long LAUNCH_TIMEOUT_SECONDS = 45;
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The report goes here; everything else this JVM prints (the stores) goes to a file. */
    private static final PrintStream CONSOLE = System.out;

    /** One launch: time to the first answer (or line) and the process's memory at that moment. */
    record Sample(double millis, Memory memory) {
    }

    private final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
    private final String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Path lambdaJar;
    private final Path outDir;

    private LambdaStartupBenchmark(Path lambdaJar, Path outDir) {
        this.lambdaJar = lambdaJar;
        this.outDir = outDir;
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception e) {
            CONSOLE.println("Benchmark failed: " + e.getMessage());
            e.printStackTrace(CONSOLE);
        } finally {
            LocalStores.stop();
        }
        // DynamoDB Local leaves a non-daemon thread behind that exec:java would wait for forever.
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of(System.getProperty("yiyang.bench.lambda-jar",
                "functions/residents/target/yiyang-residents-0.1.0-SNAPSHOT-runner.jar")).toAbsolutePath().normalize();
        Path out = Path.of(System.getProperty("yiyang.bench.out-dir", "shared/bench/target"))
                .toAbsolutePath().normalize().resolve("lambda-startup");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
            throw new IllegalStateException("no runner jar with lib/ beside it at " + jar
                    + ": build the project first (mvn -B -o install -DskipTests)");
        }
        Files.createDirectories(out);
        PrintStream storesLog = new PrintStream(Files.newOutputStream(out.resolve("stores.log")), true, StandardCharsets.UTF_8);
        System.setOut(storesLog);
        System.setErr(storesLog);
        new LambdaStartupBenchmark(jar, out).run(runs);
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
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start()) {
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
        String classPath = benchClasses() + java.io.File.pathSeparator + lambdaJar; // the jar's manifest adds lib/
        ProcessBuilder builder = new ProcessBuilder(javaCommand, GC_FLAG,
                "-Dyiyang.dynamo.endpoint=" + stores.get("yiyang.dynamo.endpoint"),
                "-Dyiyang.dynamo.create-tables=true",
                "-cp", classPath, LambdaJavaRuntime.class.getName());
        Map<String, String> env = cleanEnvironment(builder);
        env.put("_HANDLER", HANDLER);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_REGION", "cn-northwest-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "yiyang-residents");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("YIYANG_PG_URL", stores.get("quarkus.datasource.reactive.url"));
        env.put("YIYANG_PG_USER", stores.getOrDefault("quarkus.datasource.username", "postgres"));
        env.put("YIYANG_PG_PASSWORD", stores.getOrDefault("quarkus.datasource.password", ""));
        env.put("YIYANG_JWT_KEYS_LOCATION", TestKeys.jwksFile().toUri().toString());
        env.put("YIYANG_JWT_ISSUER", Tokens.ISSUER);
        env.put("YIYANG_JWT_AUDIENCE", Tokens.AUDIENCE);
        env.put("YIYANG_PII_ENCRYPTION_KEY", randomKey());
        env.put("YIYANG_PII_INDEX_KEY", randomKey());
        return builder.directory(outDir.toFile()).redirectErrorStream(true);
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
                Answer answer = await(future, process, log);
                checkOk(answer, log);
                first = first == null ? answer : first;
            }
            Memory memory = first.memory() != null ? first.memory() : Memory.of(process.pid());
            return new Sample((first.receivedNanos() - start) / 1e6, memory);
        } finally {
            run.end();
            stop(process);
        }
    }

    /** Launches {@link HelloJvm} and waits for its one line. */
    private Sample launchBaseline(Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaCommand, GC_FLAG, "-cp", benchClasses().toString(), HelloJvm.class.getName())
                .redirectError(log.toFile());
        cleanEnvironment(builder);
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
            stop(process);
        }
    }

    private Answer await(CompletableFuture<Answer> future, Process process, Path log) throws Exception {
        long waitNanos = TimeUnit.SECONDS.toNanos(Math.min(LAUNCH_TIMEOUT_SECONDS, secondsLeft()));
        long until = System.nanoTime() + waitNanos;
        while (System.nanoTime() < until) {
            try {
                return future.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Lambda exited with " + process.exitValue()
                            + " before answering; see " + log);
                }
            }
        }
        throw new IllegalStateException("no answer from the Lambda within " + TimeUnit.NANOSECONDS.toSeconds(waitNanos)
                + " s; see " + log);
    }

    private static void checkOk(Answer answer, Path log) throws IOException {
        JsonNode v2 = answer.error() ? null : JSON.readTree(answer.body());
        if (v2 == null || v2.path("statusCode").asInt() != 200) {
            CONSOLE.println("Unexpected answer from the Lambda (log: " + log + "):");
            CONSOLE.println(answer.body());
            throw new IllegalStateException("the Lambda did not answer 200");
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Options from the environment would reach both JVMs unseen: drop them. */
    private static Map<String, String> cleanEnvironment(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        return env;
    }

    /** This module's classes (target/classes under exec:java). */
    private static Path benchClasses() {
        try {
            return Path.of(LambdaStartupBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
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
                GC_FLAG, Runtime.getRuntime().availableProcessors(), totalMemoryMb(), System.getProperty("java.version"));
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
        return samples.stream().mapToDouble(value).min().orElse(Double.NaN);
    }

    private static double max(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return samples.stream().mapToDouble(value).max().orElse(Double.NaN);
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static long totalMemoryMb() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024);
    }
}
