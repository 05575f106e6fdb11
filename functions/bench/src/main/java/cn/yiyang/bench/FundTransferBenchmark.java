package cn.yiyang.bench;

import static cn.yiyang.bench.BenchMain.CONSOLE;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import cn.yiyang.bench.FakeLambdaRuntime.Memory;
import cn.yiyang.embedded.LocalStores;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Posted transfers per second through the fund-lines Lambda (JVM mode), beside pgbench's built-in
 * TPC-B-like transaction on the same embedded PostgreSQL, in the same run, the rows taking turns
 * in blocks.
 *
 * <p>One function process is launched as AWS's Java runtime would launch it ({@link LambdaChild})
 * against a fake Lambda Runtime API. Through it, as API Gateway v2 events: an officer installs the
 * fund lines and appropriates a budget that two approvers approve, and opens a payee account. Then
 * each posted transfer is two events, one after the other: the officer's {@code POST /v1/transfers}
 * (PENDING: reserved on the budget, audited) and an approver's {@code POST /v1/transfers/{id}/approve}
 * (POSTED: approval and resolution rows, balances, audit). A transfer's time is the two answers'
 * times added; transfers/s is over the block's wall time. pgbench: one client, {@code -b tpcb-like}
 * (3 UPDATEs, 1 SELECT, 1 INSERT per transaction), scale {@value PgBench#SCALE}, latencies from its
 * own per-transaction log. Arguments: [N] (default 1000).
 */
public final class FundTransferBenchmark {

    private static final String FUNCTION = "yiyang-fund-lines";
    private static final String COUNTY = "330105";
    private static final int WARM_UP = 50;
    private static final int BLOCKS = 5;
    private static final long BUDGET_SECONDS = 240;
    private static final long ANSWER_TIMEOUT_SECONDS = 30;
    private static final long WATCHDOG_SECONDS = BUDGET_SECONDS + 2 * ANSWER_TIMEOUT_SECONDS + PgBench.BLOCK_TIMEOUT_SECONDS;
    private static final long AMOUNT_FEN = 100;

    private final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
    private final String officer = Tokens.of(COUNTY, "bench-officer", Role.OFFICER);
    private final String approver = Tokens.of(COUNTY, "bench-approver", Role.APPROVER);
    private final String secondApprover = Tokens.of(COUNTY, "bench-approver-2", Role.APPROVER);
    private final Path lambdaJar;
    private final Path outDir;
    private final int transfers;
    private volatile LambdaSession lambda;

    private FundTransferBenchmark(Path lambdaJar, Path outDir, int transfers) {
        this.lambdaJar = lambdaJar;
        this.outDir = outDir;
        this.transfers = transfers;
    }

    public static void main(String[] args) {
        BenchMain.run(args, FundTransferBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        if (transfers < BLOCKS || transfers > 100_000) {
            throw new IllegalArgumentException("N must be " + BLOCKS + " to 100000");
        }
        Path jar = BenchMain.runnerJar("yiyang.bench.lambda-jar",
                "functions/fund-lines/target/yiyang-fund-lines-0.1.0-SNAPSHOT-runner.jar");
        new FundTransferBenchmark(jar, BenchMain.outDir("fund-lines"), transfers).run();
    }

    private void run() throws Exception {
        BenchMain.watchdog(WATCHDOG_SECONDS, () -> {
            if (lambda != null) {
                lambda.kill();
            }
        });
        Map<String, String> stores = LocalStores.startIfNeeded();
        PgBench pgbench = PgBench.forServer(stores.get("quarkus.datasource.reactive.url"), LambdaChild.pgUser(stores),
                LambdaChild.pgPassword(stores), outDir);
        pgbench.initialise();
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(FUNCTION)) {
            // launched as deployed (the managed runtime's JVM options for 1 GB: C1 only), as the cold starts are
            ProcessBuilder builder = LambdaChild.asDeployed(
                    LambdaChild.builder(lambdaJar, FUNCTION, api.address(), stores.get("yiyang.dynamo.endpoint"), outDir));
            LambdaChild.usePostgres(builder, stores);
            builder.command().add(1, GcPauses.logOption(gcLog()));
            builder.environment().put("YIYANG_TABLE_PREFIX", RawOrderCalls.TABLE_PREFIX);
            lambda = new LambdaSession(api, outDir.resolve("fund-lines-lambda.log"), ANSWER_TIMEOUT_SECONDS);
            try {
                lambda.start(builder, List.of(event(ApiRequest.post("/v1/fund-lines/defaults", "{}"), officer)), 201, deadlineNanos);
                String budget = fundBudget();
                String payee = LambdaSession.body(one(event(ApiRequest.post("/v1/fund-accounts",
                        "{\"fundLine\":\"MEAL_SUBSIDY\",\"payeeType\":\"MEAL_POINT\",\"payeeRef\":\"bench-point\",\"name\":\"长者食堂\"}"),
                        officer), 201)).path("id").asText();
                measure(pgbench, budget, payee);
            } finally {
                lambda.stop();
            }
        }
    }

    /** ¥10,000,000 for the year, above the dual-approval threshold: two approvers post it. */
    private String fundBudget() throws Exception {
        String id = LambdaSession.body(one(event(ApiRequest.post("/v1/appropriations",
                "{\"fundLine\":\"MEAL_SUBSIDY\",\"fiscalYear\":" + java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")) + ",\"amountFen\":1000000000}"), officer), 201)).path("id").asText();
        one(event(ApiRequest.post("/v1/transfers/" + id + "/approve", "{}"), approver), 200);
        JsonNode posted = LambdaSession.body(one(event(ApiRequest.post("/v1/transfers/" + id + "/approve", "{}"), secondApprover), 200));
        if (!"POSTED".equals(posted.path("status").asText())) {
            throw new IllegalStateException("the appropriation did not post: " + posted);
        }
        return posted.path("creditAccountId").asText();
    }

    private void measure(PgBench pgbench, String budget, String payee) throws Exception {
        postTransfers(budget, payee, WARM_UP);
        pgbench.block(WARM_UP);
        int gcMark = GcPauses.mark(gcLog());
        double cpuMark = ProcessCpu.millis(lambda.process().pid());
        Map<ProcessCpu.ThreadKind, Double> threadsMark = ProcessCpu.byThreadKind(lambda.process().pid());
        List<Phase> rows = Phase.interleaved(List.of(
                        "Lambda: create + approve a transfer (2 v2 events through the Runtime API)",
                        "pgbench -b tpcb-like, 1 client, same PostgreSQL"),
                List.of((from, to) -> postTransfers(budget, payee, to - from), (from, to) -> pgbench.block(to - from)),
                transfers, BLOCKS, deadlineNanos);
        Memory memory = Memory.of(lambda.process().pid());
        print(rows, memory, pgbench);
        int counted = rows.get(0).millis().length;
        double[] create = lambda.insideMillis("POST /v1/transfers", 201, counted);
        double[] approve = lambda.insideMillis("POST /v1/transfers/{id}/approve", 200, counted);
        CONSOLE.printf("Inside the function (ApiDispatcher.handle, its own log line, whole ms), counted calls: create p50 %.0f / p99 %.0f,"
                        + " approve p50 %.0f / p99 %.0f; of the transfer's p50 %.1f ms, ≈ %.1f ms is the Runtime API round trips and"
                        + " Funqy (event in, response out) of the two events.%n", Stats.percentile(create, 50), Stats.percentile(create, 99),
                Stats.percentile(approve, 50), Stats.percentile(approve, 99), rows.get(0).p50(),
                rows.get(0).p50() - Stats.percentile(create, 50) - Stats.percentile(approve, 50));
        whereTheTimeGoes(rows.get(0), create, approve, GcPauses.since(gcLog(), gcMark),
                ProcessCpu.millis(lambda.process().pid()) - cpuMark,
                ProcessCpu.since(threadsMark, ProcessCpu.byThreadKind(lambda.process().pid())));
    }

    /**
     * The transfers' wall time split: inside the handler (the function's own log), the rest of each event's trip
     * (Runtime API, Funqy's event in and response out), and the child's GC pauses in the measured blocks (they
     * land whole in whichever answer was under way). Round trips to PostgreSQL: TransferRoundTripsLambdaTest.
     */
    private static void whereTheTimeGoes(Phase lambdaRow, double[] create, double[] approve, GcPauses gc, double cpuMillis,
                                         Map<ProcessCpu.ThreadKind, Double> cpuByThreads) {
        int n = lambdaRow.millis().length;
        double wallMillis = lambdaRow.seconds() * 1000;
        double inside = java.util.Arrays.stream(create).sum() + java.util.Arrays.stream(approve).sum();
        double answered = java.util.Arrays.stream(lambdaRow.millis()).sum();
        CONSOLE.printf("Where the time goes, per posted transfer (mean of %d, wall time of the Lambda's blocks): %.1f ms ="
                        + " inside the handler %.1f (create + approve; whole ms each, so ±1) + Runtime API and Funqy %.1f"
                        + " + the driver between answers %.1f; the child's GC in the blocks: %d pauses, %.1f ms in all"
                        + " (%.2f ms per transfer), longest %.1f ms; the Lambda process's CPU (all threads, the pgbench blocks"
                        + " included, 10 ms ticks) %.1f ms per transfer.%n", n, wallMillis / n, inside / n, (answered - inside) / n,
                (wallMillis - answered) / n, gc.count(), gc.totalMillis(), gc.totalMillis() / Math.max(1, n), gc.maxMillis(),
                cpuMillis / Math.max(1, n));
        CONSOLE.printf("Of that CPU, per transfer by thread: the handler's own (the Lambda thread and the event loop) %.1f ms,"
                        + " the JIT compilers %.1f ms (per JVM: warm-up), GC and VM thread %.1f ms, other threads %.1f ms.%n",
                cpuByThreads.get(ProcessCpu.ThreadKind.HANDLER) / Math.max(1, n), cpuByThreads.get(ProcessCpu.ThreadKind.JIT) / Math.max(1, n),
                cpuByThreads.get(ProcessCpu.ThreadKind.GC_AND_VM) / Math.max(1, n), cpuByThreads.get(ProcessCpu.ThreadKind.OTHER) / Math.max(1, n));
    }

    private Path gcLog() {
        return outDir.resolve("fund-lines-gc.log");
    }

    /** Each transfer: the officer's create, then the approver's approve, one after the other; both times added. */
    private Phase postTransfers(String budget, String payee, int count) throws Exception {
        double[] millis = new double[count];
        int done = 0;
        long start = System.nanoTime();
        while (done < count && System.nanoTime() < deadlineNanos) {
            Answer created = one(event(ApiRequest.post("/v1/transfers", """
                    {"debitAccountId":"%s","creditAccountId":"%s","amountFen":%d,"causeType":"MEAL","causeRef":"bench-%d"}"""
                    .formatted(budget, payee, AMOUNT_FEN, done)), officer), 201);
            String id = LambdaSession.body(created).path("id").asText();
            Answer approved = one(event(ApiRequest.post("/v1/transfers/" + id + "/approve", "{}"), approver), 200);
            millis[done++] = created.millis() + approved.millis();
        }
        return new Phase(null, java.util.Arrays.copyOf(millis, done), (System.nanoTime() - start) / 1e9, count);
    }

    private Answer one(String event, int status) throws Exception {
        return lambda.invoke(List.of(event), status, Long.MAX_VALUE).get(0);
    }

    private static String event(ApiRequest request, String token) {
        return LambdaDoor.eventJson(request.bearer(token).idempotencyKey("bench-" + UUID.randomUUID()));
    }

    private void print(List<Phase> rows, Memory memory, PgBench pgbench) {
        CONSOLE.println();
        CONSOLE.println("## Fund transfers, one at a time: the fund-lines Lambda (JVM mode) vs. pgbench TPC-B on the same PostgreSQL");
        CONSOLE.println();
        CONSOLE.printf("%d posted transfers and %d pgbench transactions after %d warm-up of each, the rows taking turns in %d "
                        + "blocks, one embedded PostgreSQL 16 (separate process); %d CPUs, %d MB RAM, Java %s; pgbench %s.%n",
                transfers, transfers, WARM_UP, BLOCKS, Runtime.getRuntime().availableProcessors(), BenchMain.totalMemoryMb(),
                System.getProperty("java.version"), pgbench.binary());
        CONSOLE.println("A posted transfer: PENDING (client key, reservation under the budget's floor, audit entry) then POSTED by "
                + "an approver who is not the maker (approval, resolution, both balances, audit entry): 2 transactions.");
        CONSOLE.println("TPC-B-like: 3 UPDATEs, 1 SELECT, 1 INSERT in 1 transaction. Times per transfer / per transaction, ms.");
        CONSOLE.println();
        Phase.printTable("ops", rows, BUDGET_SECONDS);
        Phase.printRatios(rows, List.of("Lambda posted transfers / pgbench TPC-B transactions"));
        CONSOLE.printf("p99 ratio: %.2f×.%n", Stats.percentile(rows.get(0).millis(), 99) / Stats.percentile(rows.get(1).millis(), 99));
        CONSOLE.printf("Lambda process at the end: RSS %.0f MB, peak %.0f MB.%n", memory.rssKb() / 1024.0, memory.hwmKb() / 1024.0);
        CONSOLE.println("Child output: " + lambda.log() + "; pgbench logs and stores: " + outDir);
    }
}
