package cn.yiyang.bench;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import cn.yiyang.bench.FakeLambdaRuntime.Memory;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Per function: time from process start to the first answered request, and RSS then, for the
 * JVM build and, beside it, the native executable when one was built ({@code mvn package -Dnative}
 * leaves {@code target/*-runner}). Each is launched as Lambda would launch it against a fake
 * Runtime API, once unmeasured (migrations, tables), then {@value #RUNS} times measured.
 */
final class HarnessColdStarts {

    static final int RUNS = 3;
    static final long LAUNCH_TIMEOUT_SECONDS = Long.getLong("yiyang.harness.launch-timeout-seconds", 60);
    /** Comma-separated modules to launch (the bare baseline always runs); every function when empty. */
    static final String ONLY_PROPERTY = "yiyang.harness.cold-start-functions";
    private static final String COUNTY = "330105";

    record Function(String module, String firstRead, Role role) {
    }

    static final List<Function> FUNCTIONS = List.of(
            new Function("residents", "/v1/residents?phone=13800000000", Role.OPERATOR),
            new Function("meal-orders", "/v1/meal-points", Role.OPERATOR),
            new Function("service-bookings", "/v1/services", Role.OPERATOR),
            new Function("time-bank", "/v1/time-bank/items", Role.OFFICER),
            new Function("fund-lines", "/v1/fund-lines", Role.OFFICER),
            // An open route: the bearer token the harness sends along is never read there.
            new Function("identity", "/.well-known/jwks.json", Role.OFFICER));

    private HarnessColdStarts() {
    }

    static void run(Path repo, HarnessStores stores, Path outDir, HarnessReport report) throws Exception {
        double[] bare = measureBaseline(repo, stores, outDir, report);
        for (Function f : selected()) {
            String name = "yiyang-" + f.module();
            Path target = repo.resolve("functions/" + f.module() + "/target");
            Path jar = target.resolve(name + "-0.1.0-SNAPSHOT-runner.jar");
            Path executable = target.resolve(name + "-0.1.0-SNAPSHOT-runner");
            String event = LambdaDoor.eventJson(firstRead(f));
            double[] jvm = measure(() -> LambdaChild.builder(BenchMain.runnerJarAt(jar), name, "", stores.dynamoEndpoint(),
                    outDir), name, stores, event, outDir.resolve(f.module() + "-jvm-start"));
            report.figure("cold start", f.module() + " Lambda (JVM): process start → first answer (" + f.firstRead() + ")",
                    String.format("%.0f ms, RSS %.0f MB: %.2f× / %.2f× the bare app", jvm[0], jvm[1], jvm[0] / bare[0], jvm[1] / bare[1]),
                    String.format("bare Quarkus Funqy Lambda %.0f ms, %.0f MB; goal ≤ 1.3× time, ≤ 1.5× RSS; fastest of %d after one unmeasured (migrations, tables)",
                            bare[0], bare[1], RUNS));
            if (!Files.isExecutable(executable)) {
                report.figure("cold start", f.module() + " Lambda (native)", "not measured",
                        "no native executable at " + repo.relativize(executable) + " (build it with mvn package -Dnative)");
                continue;
            }
            double[] nativeRun = measure(() -> LambdaChild.nativeBuilder(executable, name, stores.dynamoEndpoint(), outDir),
                    name, stores, event, outDir.resolve(f.module() + "-native-start"));
            report.figure("cold start", f.module() + " Lambda (native): process start → first answer (" + f.firstRead() + ")",
                    String.format("%.0f ms, RSS %.0f MB (JVM %.0f ms, %.0f MB: %.0f× faster)", nativeRun[0], nativeRun[1],
                            jvm[0], jvm[1], jvm[0] / Math.max(nativeRun[0], 1)),
                    RUNS + " measured launch(es) after one unmeasured, binary " + Files.size(executable) / (1024 * 1024) + " MB");
        }
    }

    private static List<Function> selected() {
        String only = System.getProperty(ONLY_PROPERTY, "").trim();
        if (only.isEmpty()) {
            return FUNCTIONS;
        }
        List<String> names = List.of(only.split("\\s*,\\s*"));
        return FUNCTIONS.stream().filter(f -> names.contains(f.module())).toList();
    }

    /** functions/bench/baseline-funqy: Quarkus + Funqy + the same v2 event, nothing of ours. */
    private static double[] measureBaseline(Path repo, HarnessStores stores, Path outDir, HarnessReport report) throws Exception {
        String name = "yiyang-baseline-funqy";
        Path jar = repo.resolve("functions/bench/baseline-funqy/target/" + name + "-0.1.0-SNAPSHOT-runner.jar");
        String event = LambdaDoor.eventJson(ApiRequest.get("/baseline"));
        double[] bare = measure(() -> LambdaChild.builder(BenchMain.runnerJarAt(jar), name, "", stores.dynamoEndpoint(), outDir),
                name, stores, event, outDir.resolve("baseline-funqy-jvm-start"));
        report.figure("cold start", "bare Quarkus Funqy Lambda (JVM, the baseline): process start → first answer",
                String.format("%.0f ms, RSS %.0f MB", bare[0], bare[1]), "fastest of " + RUNS + " after one unmeasured");
        return bare;
    }

    private static ApiRequest firstRead(Function f) {
        String[] pathAndQuery = f.firstRead().split("\\?", 2);
        ApiRequest read = ApiRequest.get(pathAndQuery[0]).bearer(Tokens.of(COUNTY, "harness-" + f.role().claim(), f.role()));
        if (pathAndQuery.length == 2) {
            String[] kv = pathAndQuery[1].split("=", 2);
            read.query(kv[0], kv[1]);
        }
        return read;
    }

    /** A process builder for one launch; the Runtime API address is set by {@link #measure}. */
    private interface Launcher {
        ProcessBuilder builder() throws Exception;
    }

    /** One unmeasured launch, then {@value #RUNS} measured: the fastest time and the largest RSS. */
    private static double[] measure(Launcher launcher, String name, HarnessStores stores, String event, Path logPrefix)
            throws Exception {
        List<double[]> samples = new ArrayList<>();
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(name)) {
            for (int i = 0; i <= RUNS; i++) {
                ProcessBuilder builder = launcher.builder();
                builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
                // As deployed: the unmeasured launch makes the tables and migrates; cold starts in AWS do neither.
                builder.environment().put("YIYANG_DYNAMO_CREATE_TABLES", String.valueOf(i == 0));
                builder.environment().put("YIYANG_PG_MIGRATE_AT_START", String.valueOf(i == 0));
                double[] sample = launch(api, builder, stores, event, Path.of(logPrefix + "-" + i + ".log"));
                if (i > 0) {
                    samples.add(sample);
                }
            }
        }
        return new double[] {samples.stream().mapToDouble(s -> s[0]).min().orElse(0),
                samples.stream().mapToDouble(s -> s[1]).max().orElse(0)};
    }

    /** One launch: ms to the first answer and RSS MB at that moment. */
    private static double[] launch(FakeLambdaRuntime api, ProcessBuilder builder, HarnessStores stores, String event, Path log)
            throws Exception {
        LambdaChild.usePostgres(builder, stores.config());
        Map<String, String> env = builder.environment();
        env.put("YIYANG_PII_ENCRYPTION_KEY", randomKey());
        env.put("YIYANG_PII_INDEX_KEY", randomKey());
        // The identity function signs with an in-process key here; a Lambda in AWS signs with KMS.
        env.put("YIYANG_IDENTITY_SIGNER", "local");
        builder.redirectOutput(log.toFile());
        FakeLambdaRuntime.Run run = api.arm(List.of(event));
        long start = System.nanoTime();
        Process process = builder.start();
        run.pid(process.pid());
        try {
            CompletableFuture<Answer> future = run.answers().get(0);
            Answer answer = LambdaChild.await(future, process, log, LAUNCH_TIMEOUT_SECONDS);
            LambdaChild.expectStatus(answer, 200, log);
            Memory memory = answer.memory() != null ? answer.memory() : Memory.of(process.pid());
            return new double[] {(answer.receivedNanos() - start) / 1e6, memory.rssKb() / 1024.0};
        } finally {
            run.end();
            LambdaChild.stop(process);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
