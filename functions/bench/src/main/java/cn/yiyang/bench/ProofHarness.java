package cn.yiyang.bench;

import static cn.yiyang.bench.BenchMain.CONSOLE;

import cn.yiyang.testing.Door;
import cn.yiyang.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The proof harness: one command that measures how fast and how safe the whole system is, and
 * writes one markdown table (target/harness/results.md) and a PNG chart (results.png).
 *
 * <p>On its own stores (embedded PostgreSQL on a fixed port, so it can be stopped and restarted,
 * and DynamoDB Local): each function's JVM cold start and RSS through a local Lambda Runtime API;
 * the throughput benchmarks, each beside its raw-store baseline in the same run; then the local
 * gateway as a child process, over real HTTP: warm p50/p99 of the main routes, the lunch rush, an
 * idempotency storm across the functions, a fuzz pass over every route, the fund-lines bank test,
 * meal orders with DynamoDB latency and failures injected, and PostgreSQL stopped and restarted mid-load. Every invariant is a PASS/FAIL row; any FAIL
 * makes the run exit 1. Bounded: each section by its own limits, the whole run by a watchdog.
 */
public final class ProofHarness {

    /** A hung run ends here; a machine shared with other work may need more: -Dyiyang.harness.watchdog-seconds. */
    static final long WATCHDOG_SECONDS = Long.getLong("yiyang.harness.watchdog-seconds", 15 * 60);

    /** Transfers per access style in the "postgres access" section. */
    static final int POSTGRES_ACCESS_TRANSFERS = 100;
    static final List<String> GATEWAY_SECTIONS = List.of("warm routes", "lunch rush", "idempotency storm", "fuzz",
            "fuzz on real objects", "bank test", "DynamoDB faults", "PostgreSQL outage");

    private ProofHarness() {
    }

    public static void main(String[] args) {
        BenchMain.run(args, ProofHarness::run);
    }

    private static void run(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("yiyang.bench.repo", ".")).toAbsolutePath().normalize();
        Path out = BenchMain.outDir("harness");
        BenchMain.watchdog(WATCHDOG_SECONDS, () -> { });
        HarnessReport report = new HarnessReport();
        long started = System.nanoTime();
        try (HarnessStores stores = HarnessStores.start()) {
            section(report, "cold start", () -> HarnessColdStarts.run(repo, stores, out, report));
            section(report, "in-function overhead", () -> HarnessOverhead.run(report));
            section(report, "throughput", () -> HarnessBenchmarks.run(repo, stores, out, report, HarnessBenchmarks.available(repo)));
            section(report, "postgres access", () -> PostgresAccessBenchmark.run(stores.pgUrl(), POSTGRES_ACCESS_TRANSFERS,
                    out.resolve("postgres-access"), report));
            if (GATEWAY_SECTIONS.stream().noneMatch(ProofHarness::selected)) {
                CONSOLE.println("harness: no section over the local gateway selected: it is not started");
            } else try (HarnessGateway gateway = HarnessGateway.start(
                    repo.resolve("functions/local-gateway/target/quarkus-app/quarkus-run.jar"), stores, out,
                    List.of("-Dyiyang.dynamo.faults.enabled=true"));
                 HarnessSql sql = new HarnessSql(stores)) {
                System.setProperty(Tokens.MINT_URL_PROPERTY, gateway.tokenUrl());
                Door door = gateway.door();
                section(report, "warm routes", () -> HarnessRouteLatencies.run(door, report));
                section(report, "lunch rush", () -> HarnessLunchRush.run(door, stores, report));
                section(report, "idempotency storm", () -> HarnessIdempotencyStorm.run(door, stores, report));
                section(report, "fuzz", () -> HarnessFuzz.run(door, report));
                section(report, "fuzz on real objects", () -> HarnessFuzzOnRealObjects.run(door, stores, report));
                section(report, "bank test", () -> HarnessBank.run(door, sql, report));
                section(report, "DynamoDB faults", () -> HarnessDynamoFaults.run(door, gateway.faultsUrl(), stores, report));
                section(report, "PostgreSQL outage", () -> HarnessPostgresOutage.run(door, stores, sql, report));
            }
        }
        double minutes = (System.nanoTime() - started) / 6e10;
        String header = String.format("# Yiyang proof harness, %s%n%nOne run on %d CPUs, %d MB RAM, Java %s, in %.1f minutes. "
                        + "Reproduce: `mvn -B -o install -DskipTests && mvn -B -o -q -pl functions/bench exec:exec@harness`.",
                OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0), Runtime.getRuntime().availableProcessors(),
                BenchMain.totalMemoryMb(), System.getProperty("java.version"), minutes);
        report.write(out.resolve("results.md"), out.resolve("results.png"), header);
        CONSOLE.println(Files.readString(out.resolve("results.md")));
        CONSOLE.println("Written: " + out.resolve("results.md") + ", " + out.resolve("results.png"));
        if (!report.allPassed()) {
            throw new IllegalStateException("an invariant failed: see the FAIL rows above");
        }
    }

    interface Section {
        void run() throws Exception;
    }

    /** One section: its failure to run is itself a FAIL row, and the next section still runs. */
    private static void section(HarnessReport report, String name, Section section) {
        if (!selected(name)) {
            CONSOLE.println("harness: " + name + " not selected (-Dyiyang.harness.sections)");
            return;
        }
        long start = System.nanoTime();
        CONSOLE.println("harness: " + name + " …");
        try {
            section.run();
        } catch (Exception | AssertionError e) {
            report.sectionFailed(name, e instanceof Exception ex ? ex : new IllegalStateException(e.getMessage(), e));
        }
        report.sectionTook(name, (System.nanoTime() - start) / 1e9);
        CONSOLE.printf("harness: %s done in %.0f s%n", name, (System.nanoTime() - start) / 1e9);
    }

    /** {@code -Dyiyang.harness.sections="cold start,fuzz"} runs only those sections; unset or empty, all. */
    private static boolean selected(String name) {
        String sections = System.getProperty("yiyang.harness.sections", "").strip();
        return sections.isEmpty() || java.util.Arrays.stream(sections.split(",")).map(String::strip).anyMatch(name::equals);
    }
}
