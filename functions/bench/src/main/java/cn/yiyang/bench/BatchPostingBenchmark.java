package cn.yiyang.bench;

import static cn.yiyang.bench.BenchMain.CONSOLE;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import cn.yiyang.bench.FakeLambdaRuntime.Memory;
import cn.yiyang.embedded.LocalStores;
import cn.yiyang.funds.FundRoutes;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCardTable;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.dynamo.DynamoTables;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A whole county's 高龄津贴 batch through the fund-lines Lambda (JVM mode), at each size asked
 * (default 10,000 and 100,000 items, each in a county of its own): the cards written to the card
 * store first (not measured), then the officer's {@code POST /v1/batches} (202 at once) and the
 * {@code post-batches} job until the batch is a DRAFT (items/s to create: the cards read, the payee
 * accounts opened, the items staged and moved), two approvals (the second reserves the
 * budget and answers POSTING) and the {@code post-batches} job invoked until the batch is POSTED
 * (items/s to post, and the Lambda's peak RSS during the job, VmHWM reset before it). Beside each,
 * in the same run on the same PostgreSQL, the floor: one {@code INSERT … SELECT} of the same rows
 * into a copy of the table (same columns, checks and indexes, no triggers): the batch's items for
 * the create, the transfers the posting makes for the post. Arguments: [sizes, comma-separated].
 */
public final class BatchPostingBenchmark {

    private static final String FUNCTION = "yiyang-fund-lines";
    private static final List<String> COUNTIES = List.of("330106", "320303", "330105");
    private static final long ANSWER_TIMEOUT_SECONDS = 600;
    private static final long WATCHDOG_SECONDS = 3_000;
    private static final int CARD_WRITERS = 4;
    private static final long KEEP_WARM_MILLIS = 10_000;
    private static final int JOB_RUNS_MAX = 20;
    private static final int SIZE_MAX = 200_000;
    private static final Duration SQL_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path lambdaJar;
    private final Path outDir;
    private final List<Integer> sizes;
    private volatile LambdaSession lambda;

    private record Figures(int items, double createMillis, double approveMillis, double postMillis, long postPeakKb,
                           double itemsFloorMillis, double transfersFloorMillis) {
    }

    private BatchPostingBenchmark(Path lambdaJar, Path outDir, List<Integer> sizes) {
        this.lambdaJar = lambdaJar;
        this.outDir = outDir;
        this.sizes = sizes;
    }

    public static void main(String[] args) {
        BenchMain.run(args, BatchPostingBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        List<Integer> sizes = List.of(args.length > 0 ? args[0].split(",") : new String[] {"10000", "100000"}).stream()
                .map(Integer::parseInt).toList();
        if (sizes.size() > COUNTIES.size() || sizes.stream().anyMatch(n -> n < 1 || n > SIZE_MAX)) {
            throw new IllegalArgumentException("at most " + COUNTIES.size() + " sizes, each 1 to " + SIZE_MAX);
        }
        Path jar = BenchMain.runnerJar("yiyang.bench.lambda-jar",
                "functions/fund-lines/target/yiyang-fund-lines-0.1.0-SNAPSHOT-runner.jar");
        new BatchPostingBenchmark(jar, BenchMain.outDir("batch-posting"), sizes).run();
    }

    private void run() throws Exception {
        BenchMain.watchdog(WATCHDOG_SECONDS, () -> {
            if (lambda != null) {
                lambda.kill();
            }
        });
        Map<String, String> stores = LocalStores.startIfNeeded();
        Vertx vertx = Vertx.vertx();
        Pool pg = PgPool.pool(vertx, PgConnectOptions.fromUri(stores.get("quarkus.datasource.reactive.url"))
                .setUser(LambdaChild.pgUser(stores)).setPassword(LambdaChild.pgPassword(stores)), new PoolOptions().setMaxSize(1));
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(FUNCTION)) {
            ProcessBuilder builder = LambdaChild.builder(lambdaJar, FUNCTION, api.address(), stores.get("yiyang.dynamo.endpoint"), outDir);
            LambdaChild.usePostgres(builder, stores);
            builder.environment().put("YIYANG_TABLE_PREFIX", RawOrderCalls.TABLE_PREFIX);
            lambda = new LambdaSession(api, outDir.resolve("batch-posting-lambda.log"), ANSWER_TIMEOUT_SECONDS);
            try {
                lambda.start(builder, List.of(event(ApiRequest.post("/v1/fund-lines/defaults", "{}"), COUNTIES.get(0), Role.OFFICER)),
                        201, Long.MAX_VALUE);
                DynamoDbClient dynamo = RawOrderCalls.client(stores.get("yiyang.dynamo.endpoint"));
                List<Figures> figures = new ArrayList<>();
                for (int i = 0; i < sizes.size(); i++) {
                    figures.add(measure(COUNTIES.get(i), sizes.get(i), dynamo, pg));
                }
                print(figures);
            } finally {
                lambda.stop();
            }
        } finally {
            pg.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    private Figures measure(String county, int items, DynamoDbClient dynamo, Pool pg) throws Exception {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        if (!county.equals(COUNTIES.get(0))) {
            one(event(ApiRequest.post("/v1/fund-lines/defaults", "{}"), county, Role.OFFICER), 201);
        }
        java.util.concurrent.CompletableFuture<Long> written = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> writeCards(dynamo, county, month, items));
        while (!written.isDone()) {
            // the function process waits for its next event no longer than this: keep it answering while the cards go in
            one(event(ApiRequest.get("/v1/fund-lines"), county, Role.AUDITOR), 200);
            Thread.sleep(KEEP_WARM_MILLIS);
        }
        long total = written.get();
        fund(county, month, total);

        // a county-sized batch is made by the job: the request answers 202 at once, the job runs until it is a DRAFT
        long createStart = System.nanoTime();
        Answer accepted = one(event(ApiRequest.post("/v1/batches", "{\"kind\":\"ALLOWANCE\",\"month\":\"" + month + "\"}"), county,
                Role.OFFICER), 202);
        String state = LambdaSession.body(accepted).path("batch").path("status").asText();
        for (int run = 0; "CREATING".equals(state) && run < JOB_RUNS_MAX; run++) {
            Answer job = one(JSON.writeValueAsString(FundRoutes.POST_BATCHES.event(List.of(county))), 200);
            state = JSON.readTree(LambdaSession.body(job).path("runs").path(0).path("answer").asText())
                    .path("batches").path(0).path("status").asText();
        }
        double createMillis = (System.nanoTime() - createStart) / 1e6;
        String made = LambdaSession.body(accepted).path("batch").path("id").asText();
        JsonNode batch = LambdaSession.body(one(event(ApiRequest.get("/v1/batches/" + made), county, Role.OFFICER), 200))
                .path("batch");
        if (batch.path("itemCount").asInt() != items || batch.path("totalFen").asLong() != total) {
            throw new IllegalStateException("the batch is not the county's: " + batch);
        }
        String id = batch.path("id").asText();
        one(event(ApiRequest.post("/v1/batches/" + id + "/approve", "{}"), county, Role.APPROVER, "bench-approver"), 200);
        Answer approved = one(event(ApiRequest.post("/v1/batches/" + id + "/approve", "{}"), county, Role.APPROVER,
                "bench-approver-2"), 200);

        Files.writeString(Path.of("/proc", Long.toString(lambda.process().pid()), "clear_refs"), "5");
        long start = System.nanoTime();
        String status = LambdaSession.body(approved).path("batch").path("status").asText();
        for (int run = 0; "POSTING".equals(status) && run < JOB_RUNS_MAX; run++) {
            Answer job = one(JSON.writeValueAsString(FundRoutes.POST_BATCHES.event(List.of(county))), 200);
            // a job answers each county's run, its answer a JSON text of its own
            JsonNode countyRun = JSON.readTree(LambdaSession.body(job).path("runs").path(0).path("answer").asText());
            status = countyRun.path("batches").path(0).path("status").asText();
        }
        double postMillis = (System.nanoTime() - start) / 1e6;
        if (!"POSTED".equals(status)) {
            throw new IllegalStateException("batch " + id + " is " + status + " after " + JOB_RUNS_MAX + " job runs");
        }
        long peakKb = Memory.of(lambda.process().pid()).hwmKb();
        return new Figures(items, createMillis, approved.millis(), postMillis, peakKb, itemsFloor(pg, id), transfersFloor(pg, id));
    }

    /** The batch's items copied by one INSERT … SELECT into a table like funds.batch_item. */
    private static double itemsFloor(Pool pg, String batch) {
        sql(pg, "create schema if not exists bench");
        sql(pg, "drop table if exists bench.batch_item_floor");
        sql(pg, "create table bench.batch_item_floor (like funds.batch_item including defaults including constraints including indexes)");
        long start = System.nanoTime();
        sql(pg, "insert into bench.batch_item_floor select * from funds.batch_item where batch_id = '" + batch + "'");
        return (System.nanoTime() - start) / 1e6;
    }

    /** The transfers the posting made, made again by one INSERT … SELECT from the items into a table like funds.transfer. */
    private static double transfersFloor(Pool pg, String batch) {
        sql(pg, "drop table if exists bench.transfer_floor");
        sql(pg, "create table bench.transfer_floor (like funds.transfer including defaults including constraints including indexes)");
        long start = System.nanoTime();
        sql(pg, """
                insert into bench.transfer_floor (id, county, client_key, fund_line_id, debit_account_id, credit_account_id, amount_fen,
                  kind, cause_type, cause_ref, memo, maker, required_approvals, created_at, expires_at, batch_id)
                select gen_random_uuid(), b.county, i.client_key, b.fund_line_id, b.budget_account_id, i.payee_account_id, i.amount_fen,
                       'PAYMENT', i.cause_type, i.cause_ref, '高龄津贴', b.maker, 1, now(), now() + interval '72 hours', b.id
                from funds.batch_item i join funds.batch b on b.id = i.batch_id where i.batch_id = '""" + batch + "'");
        return (System.nanoTime() - start) / 1e6;
    }

    private static void sql(Pool pg, String statement) {
        pg.query(statement).execute().await().atMost(SQL_TIMEOUT);
    }

    /** Residents aged 80 to 104 at month end, on 20 streets; answers what the default bands pay them. */
    private static long writeCards(DynamoDbClient dynamo, String county, YearMonth month, int count) {
        ResidentCards cards = new ResidentCards(dynamo, new DynamoTables(RawOrderCalls.TABLE_PREFIX, false, null, dynamo),
                new ResidentCardTable());
        List<ResidentCard> all = new ArrayList<>(count);
        long total = 0;
        for (int i = 0; i < count; i++) {
            int age = 80 + i % 25;
            all.add(new ResidentCard(county, UUID.randomUUID().toString(), "陈阿婆", month.atEndOfMonth().minusYears(age), Set.of(),
                    null, ResidentCard.ACTIVE, county + String.format("%03d", 1 + i % 20), "文三路 8 号", "138****0000", Set.of()));
            total += age >= 100 ? 30_000 : age >= 90 ? 10_000 : 5_000;
        }
        long start = System.nanoTime();
        int slice = (count + CARD_WRITERS - 1) / CARD_WRITERS;
        IntStream.range(0, CARD_WRITERS).parallel()
                .forEach(w -> cards.putAll(all.subList(Math.min(count, w * slice), Math.min(count, (w + 1) * slice))));
        CONSOLE.printf("%s: %,d cards written in %.1f s (not measured below)%n", county, count, (System.nanoTime() - start) / 1e9);
        return total;
    }

    /** The year's budget, enough for the batch: an appropriation two approvers post. */
    private void fund(String county, YearMonth month, long total) throws Exception {
        String id = LambdaSession.body(one(event(ApiRequest.post("/v1/appropriations", "{\"fundLine\":\"LONGEVITY_ALLOWANCE\",\"fiscalYear\":"
                + month.getYear() + ",\"amountFen\":" + (total + 100_000) + "}"), county, Role.OFFICER), 201)).path("id").asText();
        one(event(ApiRequest.post("/v1/transfers/" + id + "/approve", "{}"), county, Role.APPROVER, "bench-approver"), 200);
        one(event(ApiRequest.post("/v1/transfers/" + id + "/approve", "{}"), county, Role.APPROVER, "bench-approver-2"), 200);
    }

    private Answer one(String event, int status) throws Exception {
        return lambda.invoke(List.of(event), status, Long.MAX_VALUE).get(0);
    }

    private static String event(ApiRequest request, String county, Role role) {
        return event(request, county, role, "bench-" + role.name().toLowerCase());
    }

    private static String event(ApiRequest request, String county, Role role, String subject) {
        return LambdaDoor.eventJson(request.bearer(Tokens.of(county, subject, role)).idempotencyKey("bench-" + UUID.randomUUID()));
    }

    private void print(List<Figures> figures) {
        CONSOLE.println();
        CONSOLE.println("## A county's 高龄津贴 batch: the fund-lines Lambda (JVM mode) vs. one INSERT … SELECT of the same rows");
        CONSOLE.println();
        CONSOLE.printf("One embedded PostgreSQL 16 and DynamoDB Local; %d CPUs, Java %s. Create: the officer's POST /v1/batches "
                        + "(202) and the post-batches job until DRAFT (cards read from the card store, payee accounts opened, items "
                        + "staged in steps of 10,000 and moved, audited). Post: the post-batches job "
                        + "until POSTED (steps of 10,000 items, then all posted at once). Floors: one INSERT … SELECT of the same rows "
                        + "into a copy of the table, same PostgreSQL, same run.%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        CONSOLE.println("| items | create, items/s | floor: items INSERT … SELECT, items/s | completing approval, ms | "
                + "post (job), items/s | floor: transfers INSERT … SELECT, items/s | job's peak RSS, MB |");
        CONSOLE.println("|---|---|---|---|---|---|---|");
        for (Figures f : figures) {
            CONSOLE.printf("| %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |%n", f.items(), perSecond(f.items(), f.createMillis()),
                    perSecond(f.items(), f.itemsFloorMillis()), f.approveMillis(), perSecond(f.items(), f.postMillis()),
                    perSecond(f.items(), f.transfersFloorMillis()), f.postPeakKb() / 1024.0);
        }
        CONSOLE.println();
        CONSOLE.println("Child output: " + lambda.log());
    }

    private static double perSecond(int items, double millis) {
        return items * 1000.0 / millis;
    }
}
