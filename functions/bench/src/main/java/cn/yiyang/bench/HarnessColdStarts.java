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
 * Runtime API, once unmeasured (migrations, tables), then {@value #RUNS} times measured. Then one
 * launch that reports where its time goes ({@link ColdStartPhases}), the same launch with an application
 * class-data archive ({@link #measureWithArchive}: what class loading costs), and {@value #RUNS} primed
 * launches: the first invocation after the init with SnapStart-style priming beside it without.
 */
final class HarnessColdStarts {

    static final int RUNS = 3;
    static final long LAUNCH_TIMEOUT_SECONDS = Long.getLong("yiyang.harness.launch-timeout-seconds", 60);
    /** Comma-separated modules to launch (the bare baseline always runs); every function when empty. */
    static final String ONLY_PROPERTY = "yiyang.harness.cold-start-functions";
    private static final String COUNTY = "330105";

    /** {@code postgresOperation}: its priming route reads PostgreSQL, so SnapStart primes only the door. */
    record Function(String module, String firstRead, Role role, boolean postgresOperation) {
    }

    /**
     * Process start → first answer, RSS then, the first invocation alone (handed out → answered), and the CPU
     * time the process used to its first answer: a Lambda of 1 GB has about 0.6 of a vCPU, so a cold start there
     * is nearer its CPU time than its wall time on this host's 2 cores, and CPU time is less shaken by neighbours.
     */
    record Launch(double ms, double rssMb, double firstInvocationMs, double cpuMs) {
    }

    /** The functions' priming flag (shared/gateway's Priming): prime during the init, as SnapStart's checkpoint would. */
    static final String PRIME_AT_START_ENV = "YIYANG_PRIME_AT_START";
    /** A PostgreSQL function primes its operation too (measured only: see {@link #measurePriming}). */
    static final String PRIMING_OPERATION_ENV = "YIYANG_PRIMING_OPERATION";
    private static final String PRIMING_TABLE_HEADER = "| function | classes loaded by the first invocation, unprimed → primed "
            + "| first invocation, unprimed | primed | ratio | process start → first answer, unprimed → primed |\n"
            + "|---|---:|---:|---:|---:|---:|\n";

    static final List<Function> FUNCTIONS = List.of(
            new Function("residents", "/v1/residents?phone=13800000000", Role.OPERATOR, true),
            new Function("meal-orders", "/v1/meal-points", Role.OPERATOR, false),
            new Function("service-bookings", "/v1/services", Role.OPERATOR, true),
            new Function("time-bank", "/v1/time-bank/items", Role.OFFICER, false),
            new Function("fund-lines", "/v1/fund-lines", Role.OFFICER, true),
            // An open route: the bearer token the harness sends along is never read there.
            new Function("identity", "/.well-known/jwks.json", Role.OFFICER, false));

    private HarnessColdStarts() {
    }

    static void run(Path repo, HarnessStores stores, Path outDir, HarnessReport report) throws Exception {
        List<ColdStartPhases> phases = new ArrayList<>();
        Launch bare = measureBaseline(repo, stores, outDir, report, phases);
        StringBuilder priming = new StringBuilder(PRIMING_TABLE_HEADER);
        for (Function f : selected()) {
            String name = "yiyang-" + f.module();
            Path target = repo.resolve("functions/" + f.module() + "/target");
            Path jar = target.resolve(name + "-0.1.0-SNAPSHOT-runner.jar");
            Path executable = target.resolve(name + "-0.1.0-SNAPSHOT-runner");
            String event = LambdaDoor.eventJson(firstRead(f));
            Launcher jvmLauncher = () -> LambdaChild.asDeployed(
                    LambdaChild.builder(BenchMain.runnerJarAt(jar), name, "", stores.dynamoEndpoint(), outDir));
            Launch jvm = measure(jvmLauncher, name, stores, event, outDir.resolve(f.module() + "-jvm-start"), Map.of());
            report.figure("cold start", f.module() + " Lambda (JVM): process start → first answer (" + f.firstRead() + ")",
                    String.format("%.0f ms, RSS %.0f MB: %.2f× / %.2f× the bare app; CPU %s", jvm.ms(), jvm.rssMb(),
                            jvm.ms() / bare.ms(), jvm.rssMb() / bare.rssMb(), cpu(jvm, bare)),
                    String.format("bare Quarkus Funqy Lambda %.0f ms, %.0f MB; goal ≤ 1.3× time, ≤ 1.5× RSS; fastest of %d after one unmeasured (migrations, tables)",
                            bare.ms(), bare.rssMb(), RUNS));
            ColdStartPhases unprimed = phasesOf(f.module(), jvmLauncher, name, stores, event, outDir, Map.of());
            phases.add(unprimed);
            measureWithArchive(f, jvmLauncher, name, stores, event, outDir, new Launch[] {jvm, bare}, report, phases);
            priming.append(measurePriming(f, jvmLauncher, name, stores, event, outDir, new Launch[] {jvm, bare}, unprimed, report));
            if (!Files.isExecutable(executable)) {
                report.figure("cold start", f.module() + " Lambda (native)", "not measured",
                        "no native executable at " + repo.relativize(executable) + " (build it with mvn package -Dnative)");
                continue;
            }
            Launch nativeRun = measure(() -> LambdaChild.nativeBuilder(executable, name, stores.dynamoEndpoint(), outDir),
                    name, stores, event, outDir.resolve(f.module() + "-native-start"), Map.of());
            report.figure("cold start", f.module() + " Lambda (native): process start → first answer (" + f.firstRead() + ")",
                    String.format("%.0f ms, RSS %.0f MB (JVM %.0f ms, %.0f MB: %.0f× faster)", nativeRun.ms(), nativeRun.rssMb(),
                            jvm.ms(), jvm.rssMb(), jvm.ms() / Math.max(nativeRun.ms(), 1)),
                    RUNS + " measured launch(es) after one unmeasured, binary " + Files.size(executable) / (1024 * 1024) + " MB");
        }
        report.table("Cold start: where the time to the first answer goes (one extra launch each, logging on: "
                + "read the shares, not the absolute times)", ColdStartTables.phases(phases));
        report.table("Cold start: Quarkus' start-up steps by group (quarkus.debug.print-startup-times)",
                ColdStartTables.steps(phases));
        report.table("Cold start: classes loaded by library, in the init + in the first request (-Xlog:class+load)",
                ColdStartTables.libraries(phases));
        report.table("Cold start: SnapStart-style priming, first invocation after init (fastest of " + RUNS + ")",
                priming.toString());
    }

    /**
     * The first invocation after the init, primed (as the function is configured to prime before a snapshot)
     * beside unprimed; for a PostgreSQL function also with its operation primed, which SnapStart cannot use
     * yet (it would leave a pooled connection in the snapshot): the figure says what that would be worth.
     */
    private static String measurePriming(Function f, Launcher launcher, String name, HarnessStores stores, String event,
                                         Path outDir, Launch[] unprimedAndBare, ColdStartPhases unprimedPhases,
                                         HarnessReport report) throws Exception {
        Launch unprimed = unprimedAndBare[0];
        Launch bare = unprimedAndBare[1];
        Map<String, String> priming = Map.of(PRIME_AT_START_ENV, "true");
        Launch primed = measure(launcher, name, stores, event, outDir.resolve(f.module() + "-jvm-primed"), priming);
        ColdStartPhases primedPhases = phasesOf(f.module() + " primed", launcher, name, stores, event, outDir, priming);
        String rows = primingRow(f.module(), unprimed, primed, unprimedPhases, primedPhases);
        report.figure("cold start", f.module() + ": first invocation after init, unprimed → primed (SnapStart-style priming)",
                String.format("%.0f → %.0f ms (%.2f×)", unprimed.firstInvocationMs(), primed.firstInvocationMs(),
                        primed.firstInvocationMs() / unprimed.firstInvocationMs()),
                String.format("bare app's first invocation %.0f ms; priming moves the work into the init (%s=true here, "
                        + "the CRaC beforeCheckpoint on SnapStart)", bare.firstInvocationMs(), PRIME_AT_START_ENV));
        if (f.postgresOperation()) {
            Map<String, String> withOperation = Map.of(PRIME_AT_START_ENV, "true", PRIMING_OPERATION_ENV, "true");
            Launch operation = measure(launcher, name, stores, event, outDir.resolve(f.module() + "-jvm-primed-operation"),
                    withOperation);
            ColdStartPhases operationPhases = phasesOf(f.module() + " primed with operation", launcher, name, stores, event,
                    outDir, withOperation);
            rows += primingRow(f.module() + " with its PostgreSQL operation primed (not on SnapStart yet)", unprimed, operation,
                    unprimedPhases, operationPhases);
        }
        return rows;
    }

    private static String primingRow(String label, Launch unprimed, Launch primed, ColdStartPhases unprimedPhases,
                                     ColdStartPhases primedPhases) {
        return String.format("| %s | %,d → %,d | %.0f ms | %.0f ms | %.2f× | %.0f ms → %.0f ms |%n", label,
                unprimedPhases.classesBetween("first-event", "first-answer"),
                primedPhases.classesBetween("first-event", "first-answer"), unprimed.firstInvocationMs(),
                primed.firstInvocationMs(), primed.firstInvocationMs() / unprimed.firstInvocationMs(), unprimed.ms(), primed.ms());
    }

    /**
     * The same launch with an application class-data archive (AppCDS, the JDK's dynamic archive): one training
     * launch, primed at start (door and operation) and answering the read, dumps the classes it loaded when it
     * exits; the measured launches map them from the archive instead of reading, parsing and verifying them.
     * A measurement of what class loading costs, not the deployed form: the stack's JVM path runs on SnapStart
     * (a restore, no JVM start), and an archive for the managed runtime would have to be dumped by its own JVM
     * with its own class path and class loader, in the Lambda base image (README, "Performance and reliability").
     */
    private static void measureWithArchive(Function f, Launcher launcher, String name, HarnessStores stores, String event,
                                           Path outDir, Launch[] plainAndBare, HarnessReport report,
                                           List<ColdStartPhases> phases) throws Exception {
        Path archive = outDir.resolve(f.module() + "-app-cds.jsa");
        Files.deleteIfExists(archive);
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(name)) {
            ProcessBuilder training = launcher.builder();
            training.command().add(1, "-XX:ArchiveClassesAtExit=" + archive);
            training.environment().put(PRIME_AT_START_ENV, "true");
            training.environment().put(PRIMING_OPERATION_ENV, "true");
            training.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            training.environment().put("YIYANG_DYNAMO_CREATE_TABLES", "false");
            training.environment().put("YIYANG_PG_MIGRATE_AT_START", "false");
            launch(api, training, stores, event, outDir.resolve(f.module() + "-jvm-app-cds-training.log"));
        }
        String what = f.module() + " Lambda (JVM) with an AppCDS archive: process start → first answer";
        if (!Files.isRegularFile(archive)) {
            report.figure("cold start", what, "not measured", "the training launch dumped no archive: see "
                    + outDir.resolve(f.module() + "-jvm-app-cds-training.log"));
            return;
        }
        Launcher withArchive = () -> {
            ProcessBuilder builder = launcher.builder();
            builder.command().add(1, "-XX:SharedArchiveFile=" + archive);
            return builder;
        };
        Launch cds = measure(withArchive, name, stores, event, outDir.resolve(f.module() + "-jvm-app-cds"), Map.of());
        Launch plain = plainAndBare[0];
        Launch bare = plainAndBare[1];
        report.figure("cold start", what, String.format("%.0f ms, RSS %.0f MB: %.2f× / %.2f× the bare app; CPU %s",
                        cds.ms(), cds.rssMb(), cds.ms() / bare.ms(), cds.rssMb() / bare.rssMb(), cpu(cds, bare)),
                String.format("without the archive %.0f ms, %.0f MB; archive %d MB, dumped by one training launch primed "
                        + "at start; bare app %.0f ms, %.0f MB (no archive)", plain.ms(), plain.rssMb(),
                        Files.size(archive) / (1024 * 1024), bare.ms(), bare.rssMb()));
        phases.add(phasesOf(f.module() + " with AppCDS", withArchive, name, stores, event, outDir, Map.of()));
    }

    /** The launch's CPU time to its first answer beside the bare app's. */
    private static String cpu(Launch launch, Launch bare) {
        return String.format("%.0f ms (%.2f× the bare app's %.0f)", launch.cpuMs(), launch.cpuMs() / bare.cpuMs(),
                bare.cpuMs());
    }

    /** One more launch, not measured: its milestones, Quarkus' step times and its class loads. */
    private static ColdStartPhases phasesOf(String module, Launcher launcher, String name, HarnessStores stores,
                                            String event, Path outDir, Map<String, String> env) throws Exception {
        String file = module.replace(' ', '-');
        Path childLog = outDir.resolve(file + "-jvm-phases.log");
        Path classLog = outDir.resolve(file + "-jvm-phases-classes.log");
        Files.deleteIfExists(classLog);
        Launcher withPhases = () -> {
            ProcessBuilder builder = launcher.builder();
            builder.command().addAll(1, ColdStartPhases.jvmArgs(classLog));
            return builder;
        };
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(name)) {
            ProcessBuilder builder = withPhases.builder();
            builder.environment().putAll(env);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            builder.environment().put("YIYANG_DYNAMO_CREATE_TABLES", "false");
            builder.environment().put("YIYANG_PG_MIGRATE_AT_START", "false");
            launch(api, builder, stores, event, childLog);
        }
        return ColdStartPhases.read(module, childLog, classLog);
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
    private static Launch measureBaseline(Path repo, HarnessStores stores, Path outDir, HarnessReport report,
                                          List<ColdStartPhases> phases) throws Exception {
        String name = "yiyang-baseline-funqy";
        Path jar = repo.resolve("functions/bench/baseline-funqy/target/" + name + "-0.1.0-SNAPSHOT-runner.jar");
        String event = LambdaDoor.eventJson(ApiRequest.get("/baseline"));
        Launcher launcher = () -> LambdaChild.asDeployed(
                LambdaChild.builder(BenchMain.runnerJarAt(jar), name, "", stores.dynamoEndpoint(), outDir));
        Launch bare = measure(launcher, name, stores, event, outDir.resolve("baseline-funqy-jvm-start"), Map.of());
        report.figure("cold start", "bare Quarkus Funqy Lambda (JVM, the baseline): process start → first answer",
                String.format("%.0f ms, RSS %.0f MB, CPU %.0f ms", bare.ms(), bare.rssMb(), bare.cpuMs()),
                "fastest of " + RUNS + " after one unmeasured; CPU: the process's user + system time to the first answer");
        phases.add(phasesOf("bare Funqy app", launcher, name, stores, event, outDir, Map.of()));
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

    /** One unmeasured launch, then {@value #RUNS} measured: the fastest times and the largest RSS. */
    private static Launch measure(Launcher launcher, String name, HarnessStores stores, String event, Path logPrefix,
                                  Map<String, String> env) throws Exception {
        List<Launch> samples = new ArrayList<>();
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(name)) {
            for (int i = 0; i <= RUNS; i++) {
                ProcessBuilder builder = launcher.builder();
                builder.environment().putAll(env);
                builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
                // As deployed: the unmeasured launch makes the tables and migrates; cold starts in AWS do neither.
                builder.environment().put("YIYANG_DYNAMO_CREATE_TABLES", String.valueOf(i == 0));
                builder.environment().put("YIYANG_PG_MIGRATE_AT_START", String.valueOf(i == 0));
                Launch sample = launch(api, builder, stores, event, Path.of(logPrefix + "-" + i + ".log"));
                if (i > 0) {
                    samples.add(sample);
                }
            }
        }
        return new Launch(samples.stream().mapToDouble(Launch::ms).min().orElse(0),
                samples.stream().mapToDouble(Launch::rssMb).max().orElse(0),
                samples.stream().mapToDouble(Launch::firstInvocationMs).min().orElse(0),
                samples.stream().mapToDouble(Launch::cpuMs).min().orElse(0));
    }

    /** One launch: to the first answer from the process start, RSS then, and the first invocation's own time. */
    private static Launch launch(FakeLambdaRuntime api, ProcessBuilder builder, HarnessStores stores, String event, Path log)
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
            return new Launch((answer.receivedNanos() - start) / 1e6, memory.rssKb() / 1024.0, answer.millis(),
                    answer.cpuMillis());
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
