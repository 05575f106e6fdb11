package cn.yiyang.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL's own pgbench, run against the same server the function uses: its built-in TPC-B-like
 * script, one client, a given number of transactions per block, with per-transaction latencies
 * logged ({@code -l}) so its p50 and p99 are computed like ours. Debian's {@code postgresql} package
 * carries the binary.
 */
final class PgBench {

    static final long BLOCK_TIMEOUT_SECONDS = 120;
    static final int SCALE = 1;

    private final Path binary;
    private final String host;
    private final String port;
    private final String database;
    private final Map<String, String> env;
    private final Path outDir;
    private int blocks;

    private PgBench(Path binary, URI url, String user, String password, Path outDir) {
        this.binary = binary;
        this.host = url.getHost();
        this.port = Integer.toString(url.getPort());
        this.database = url.getPath().replaceFirst("^/", "");
        this.env = Map.of("PGUSER", user, "PGPASSWORD", password);
        this.outDir = outDir;
    }

    /** pgbench for the server of this reactive URL ({@code postgresql://host:port/db}); fails with how to install it. */
    static PgBench forServer(String reactiveUrl, String user, String password, Path outDir) {
        return new PgBench(find(), URI.create(reactiveUrl.replaceFirst("^postgres(ql)?:", "postgresql:")), user, password,
                outDir);
    }

    Path binary() {
        return binary;
    }

    /** {@code pgbench -i -s 1}: the four TPC-B tables, 100,000 accounts. */
    void initialise() throws Exception {
        // an earlier run's per-transaction logs in the same folder would be counted as this run's
        try (Stream<Path> old = Files.list(outDir)) {
            for (Path log : old.filter(p -> p.getFileName().toString().startsWith("pgbench-block-")).toList()) {
                Files.delete(log);
            }
        }
        run(List.of("-i", "-q", "-s", Integer.toString(SCALE)), "pgbench-init.log");
    }

    /** One client running {@code transactions} TPC-B transactions: each one's latency in ms. */
    Phase block(int transactions) throws Exception {
        return timed(List.of("-b", "tpcb-like"), transactions);
    }

    /** One client running a script of its own {@code times} times ({@code -M prepared}, variables by {@code -D}): each run's latency in ms. */
    Phase script(Path script, Map<String, String> variables, int times) throws Exception {
        List<String> args = new ArrayList<>(List.of("-f", script.toString(), "-M", "prepared"));
        variables.forEach((name, value) -> args.add("-D" + name + "=" + value));
        return timed(args, times);
    }

    private Phase timed(List<String> workload, int transactions) throws Exception {
        String prefix = outDir.resolve("pgbench-block-" + (++blocks)).toString();
        long start = System.nanoTime();
        List<String> args = new ArrayList<>(List.of("-n"));
        args.addAll(workload);
        args.addAll(List.of("-c", "1", "-j", "1", "-t", Integer.toString(transactions), "-l", "--log-prefix=" + prefix));
        run(args, "pgbench-run.log");
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> millis = new ArrayList<>();
        try (Stream<Path> logs = Files.list(outDir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith(Path.of(prefix).getFileName() + ".")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] fields = line.trim().split("\\s+");
                    millis.add(Long.parseLong(fields[2]) / 1000.0);
                }
            }
        }
        return new Phase(null, millis.stream().mapToDouble(Double::doubleValue).toArray(), seconds, transactions);
    }

    private void run(List<String> args, String logName) throws Exception {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-h", host, "-p", port));
        command.addAll(args);
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outDir.resolve(logName).toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(BLOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish in " + BLOCK_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed (" + process.exitValue() + "): "
                    + Files.readString(outDir.resolve(logName), StandardCharsets.UTF_8));
        }
    }

    private static Path find() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            List<Path> found = versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable).sorted().toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
        } catch (IOException e) {
            // not a Debian layout: look on the PATH
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("pgbench not found: install Debian's PostgreSQL packages (apt-get install postgresql)");
    }
}
