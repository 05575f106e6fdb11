package cn.yiyang.bench;

import static cn.yiyang.bench.BenchMain.CONSOLE;

import cn.yiyang.bench.TransferFlow.Style;
import cn.yiyang.embedded.EmbeddedPostgresServer;
import cn.yiyang.embedded.LocalStores;
import cn.yiyang.stores.pg.SchemaMigrations;
import cn.yiyang.testing.PgWireCounter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How fund-lines should reach PostgreSQL from the Lambda thread: the statements of one transfer
 * create + approve ({@link TransferStatements}, two transactions) in each access style, one after
 * the other from this plain thread, on the same PostgreSQL, the rows taking turns in blocks; beside
 * them the floor, pgbench running the same statements as a script ({@code -M prepared}, no Java),
 * and pgbench's built-in TPC-B-like transaction. Per row: transfers/s, p50/p99 per transfer, and the
 * round trips one transfer makes, counted on the wire ({@link PgWireCounter}). Arguments: [N].
 */
public final class PostgresAccessBenchmark {

    static final int WARM_UP = 200;
    static final int BLOCKS = 5;
    static final long BUDGET_SECONDS = 240;
    static final int TRANSFERS_MAX = 100_000;
    static final long CREDIT_FEN = 100_000_000_000L;

    private PostgresAccessBenchmark() {
    }

    public static void main(String[] args) {
        BenchMain.run(args, a -> {
            Map<String, String> stores = LocalStores.startIfNeeded();
            run(stores.get("quarkus.datasource.reactive.url"), args.length > 0 ? Integer.parseInt(args[0]) : 1000,
                    BenchMain.outDir("postgres-access"), null);
        });
    }

    /** Measures and prints; with a report, its rows become the harness's figures. */
    static void run(String url, int transfers, Path outDir, HarnessReport report) throws Exception {
        if (transfers < BLOCKS || transfers > TRANSFERS_MAX) {
            throw new IllegalArgumentException("N must be " + BLOCKS + " to " + TRANSFERS_MAX);
        }
        Files.createDirectories(outDir);
        String user = EmbeddedPostgresServer.USER;
        Ledger ledger = prepare(url, user);
        PgBench pgbench = PgBench.forServer(url, user, "", outDir);
        pgbench.initialise();
        Path script = writeScript(outDir);
        Map<String, String> variables = Map.of("county", TransferFlow.COUNTY, "fund_line", ledger.fundLine().toString(),
                "debit", ledger.debit().toString(), "credit", ledger.credit().toString());
        List<Function<String, Style>> styles = List.of(
                at -> AccessStyles.objectArrays("(a) today: NativeSql, Object[] rows, no statement cache (Quarkus default)",
                        AccessStyles.sessionFactory(at, user, "", false)),
                at -> AccessStyles.objectArrays("(a') NativeSql, Object[] rows, prepared statements cached",
                        AccessStyles.sessionFactory(at, user, "", true)),
                at -> AccessStyles.tuples("(b) Hibernate Reactive native, Tuple rows by name, cached",
                        AccessStyles.sessionFactory(at, user, "", true)),
                at -> AccessStyles.tuplesCut("(b') Tuple rows by name, cached, after the cuts: 10 + 12 statements",
                        AccessStyles.sessionFactory(at, user, "", true)),
                at -> AccessStyles.sessionConnection("(d) chosen: NativeSql on the session's own connection, rows by name, cached, 10 + 12 statements",
                        AccessStyles.sessionFactory(at, user, "", true)),
                at -> AccessStyles.pool("(c) reactive pg Pool, Row by name, no statement cache", at, user, "", false),
                at -> AccessStyles.pool("(c') reactive pg Pool, Row by name, prepared statements cached", at, user, "", true));
        List<String> names = new ArrayList<>();
        List<Long> roundTrips = new ArrayList<>();
        List<Style> open = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
        try {
            for (Function<String, Style> make : styles) {
                Style style = make.apply(url);
                open.add(style);
                names.add(style.name());
                for (int i = 0; i < WARM_UP; i++) {
                    TransferFlow.createAndApprove(style, ledger.fundLine(), ledger.debit(), ledger.credit());
                }
            }
            for (Function<String, Style> make : styles) {
                roundTrips.add(countedRoundTrips(url, make, ledger));
            }
            names.add("floor: pgbench -f (the same statements, -M prepared, 2 transactions)");
            names.add("pgbench -b tpcb-like, 1 client (the transfer benchmark's baseline)");
            pgbench.script(script, variables, WARM_UP);
            List<Phase.Block> blocks = new ArrayList<>();
            for (Style style : open) {
                blocks.add((from, to) -> Phase.timed(to - from, deadline,
                        i -> TransferFlow.createAndApprove(style, ledger.fundLine(), ledger.debit(), ledger.credit())));
            }
            blocks.add((from, to) -> pgbench.script(script, variables, to - from));
            blocks.add((from, to) -> pgbench.block(to - from));
            List<Phase> rows = Phase.interleaved(names, blocks, transfers, BLOCKS, deadline);
            print(rows, roundTrips, transfers, pgbench, report);
        } finally {
            open.forEach(Style::close);
        }
    }

    /** One transfer through a fresh style whose connections go through a wire counter (its statements prepared once first). */
    private static long countedRoundTrips(String url, Function<String, Style> make, Ledger ledger) throws Exception {
        try (PgWireCounter counter = PgWireCounter.inFrontOf(url); Style style = make.apply(counter.url(url))) {
            TransferFlow.createAndApprove(style, ledger.fundLine(), ledger.debit(), ledger.credit());
            long before = counter.roundTrips();
            TransferFlow.createAndApprove(style, ledger.fundLine(), ledger.debit(), ledger.credit());
            return counter.roundTrips() - before;
        }
    }

    record Ledger(UUID fundLine, UUID debit, UUID credit) {
    }

    /** The real fund-lines schema, and a fund line with a well-funded budget account and a payee account. */
    private static Ledger prepare(String url, String user) {
        Vertx vertx = Vertx.vertx();
        Pool pool = PgPool.pool(vertx, PgConnectOptions.fromUri(url).setUser(user).setPassword(""), new PoolOptions().setMaxSize(1));
        try {
            new SchemaMigrations(pool, true, List.of("platform", "funds")).migrate();
            UUID line = UUID.randomUUID();
            UUID debit = UUID.randomUUID();
            UUID credit = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            String code = "BENCH_" + Long.toString(Math.abs(line.getMostSignificantBits() % 1_000_000_000L), 36).toUpperCase().replaceAll("[0-9]", "X");
            sql(pool, "insert into funds.fund_line (id, county, code, name, created_at) values ($1, $2, $3, '基准', $4)",
                    line, TransferFlow.COUNTY, code, now);
            sql(pool, "insert into funds.account (id, county, fund_line_id, kind, fiscal_year, name, created_at) values ($1, $2, $3, 'BUDGET', 2026, '预算', $4)",
                    debit, TransferFlow.COUNTY, line, now);
            sql(pool, "insert into funds.account (id, county, fund_line_id, kind, payee_type, payee_ref, name, created_at) values ($1, $2, $3, 'PAYEE', 'MEAL_POINT', $4, '食堂', $5)",
                    credit, TransferFlow.COUNTY, line, "bench-" + credit, now);
            sql(pool, "insert into funds.account_balance (account_id, floor_enforced, credits_posted) values ($1, true, $2)", debit, CREDIT_FEN);
            sql(pool, "insert into funds.account_balance (account_id, floor_enforced) values ($1, true)", credit);
            return new Ledger(line, debit, credit);
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    private static void sql(Pool pool, String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(java.time.Duration.ofSeconds(30));
    }

    /** The machine is shared: its load beside the figures says how comparable they are. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static Path writeScript(Path outDir) throws Exception {
        Path script = outDir.resolve("transfer-create-approve.sql");
        Files.writeString(script, TransferScript.createAndApprove());
        return script;
    }

    private static void print(List<Phase> rows, List<Long> roundTrips, int transfers, PgBench pgbench, HarnessReport report) {
        CONSOLE.println();
        CONSOLE.println("## PostgreSQL access from the Lambda thread: one transfer create + approve in each style");
        CONSOLE.println();
        CONSOLE.printf("%d transfers per row after %d warm-up, rows taking turns in %d blocks, one embedded PostgreSQL (separate "
                        + "process), pool of %d; %d CPUs, Java %s; load: %s; pgbench %s.%n", transfers, WARM_UP, BLOCKS,
                AccessStyles.POOL_SIZE, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                loadAverage(), pgbench.binary());
        CONSOLE.printf("Statements: %d in the create, %d in the approve, each transaction with BEGIN and COMMIT.%n%n",
                TransferStatements.CREATE_STATEMENTS, TransferStatements.APPROVE_STATEMENTS);
        Phase.printTable("transfers", rows, BUDGET_SECONDS);
        CONSOLE.println("| style | round trips per transfer (create + approve, counted on the wire) |");
        CONSOLE.println("|---|---:|");
        for (int i = 0; i < roundTrips.size(); i++) {
            CONSOLE.printf("| %s | %d |%n", rows.get(i).name(), roundTrips.get(i));
        }
        CONSOLE.printf("| %s | %d |%n%n", rows.get(roundTrips.size()).name(),
                TransferStatements.CREATE_STATEMENTS + TransferStatements.APPROVE_STATEMENTS + 4);
        Phase floor = rows.get(rows.size() - 2);
        for (int i = 0; i < roundTrips.size(); i++) {
            CONSOLE.printf("%s: %.2f× the floor's transfers/s, %.2f× its p50.%n", rows.get(i).name(),
                    rows.get(i).perSecond() / floor.perSecond(), rows.get(i).p50() / floor.p50());
            if (report != null) {
                report.figure("postgres access", rows.get(i).name(), String.format("%.0f transfers/s, p50 %.2f ms, p99 %.2f ms, %d round trips",
                        rows.get(i).perSecond(), rows.get(i).p50(), Stats.percentile(rows.get(i).millis(), 99), roundTrips.get(i)),
                        String.format("%.2f× the floor", rows.get(i).perSecond() / floor.perSecond()));
            }
        }
        if (report != null) {
            for (Phase baseline : rows.subList(roundTrips.size(), rows.size())) {
                report.figure("postgres access", baseline.name(), String.format("%.0f/s, p50 %.2f ms, p99 %.2f ms",
                        baseline.perSecond(), baseline.p50(), Stats.percentile(baseline.millis(), 99)), "baseline");
            }
        }
    }
}
