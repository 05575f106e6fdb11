package cn.yiyang.bench;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import cn.yiyang.bench.FakeLambdaRuntime.Memory;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.Tokens;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Per function: JVM time from process start to the first answered request, and RSS then. Each
 * function is launched as AWS's Java runtime would launch it against a fake Runtime API, once
 * unmeasured (migrations, tables), then {@value #RUNS} times measured, each answering one read.
 */
final class HarnessColdStarts {

    static final int RUNS = 1;
    static final long LAUNCH_TIMEOUT_SECONDS = 60;
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
        for (Function f : FUNCTIONS) {
            Path jar = repo.resolve("functions/" + f.module() + "/target/yiyang-" + f.module() + "-0.1.0-SNAPSHOT-runner.jar");
            String name = "yiyang-" + f.module();
            String[] pathAndQuery = f.firstRead().split("\\?", 2);
            ApiRequest read = ApiRequest.get(pathAndQuery[0]).bearer(Tokens.of(COUNTY, "harness-" + f.role().claim(), f.role()));
            if (pathAndQuery.length == 2) {
                String[] kv = pathAndQuery[1].split("=", 2);
                read.query(kv[0], kv[1]);
            }
            String event = LambdaDoor.eventJson(read);
            List<double[]> samples = new ArrayList<>();
            try (FakeLambdaRuntime api = FakeLambdaRuntime.start(name)) {
                for (int i = 0; i <= RUNS; i++) {
                    double[] sample = launch(api, jar, name, stores, event, outDir.resolve(f.module() + "-start-" + i + ".log"));
                    if (i > 0) {
                        samples.add(sample);
                    }
                }
            }
            double millis = samples.stream().mapToDouble(s -> s[0]).min().orElse(0);
            double rss = samples.stream().mapToDouble(s -> s[1]).max().orElse(0);
            report.figure("cold start", f.module() + " Lambda (JVM): process start → first answer (" + f.firstRead() + ")",
                    String.format("%.0f ms, RSS %.0f MB", millis, rss), RUNS + " measured launch(es) after one unmeasured (migrations, tables)");
        }
    }

    /** One launch: ms to the first answer and RSS MB at that moment. */
    private static double[] launch(FakeLambdaRuntime api, Path jar, String name, HarnessStores stores, String event, Path log)
            throws Exception {
        ProcessBuilder builder = LambdaChild.builder(BenchMain.runnerJarAt(jar), name, api.address(), stores.dynamoEndpoint(),
                log.getParent());
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
