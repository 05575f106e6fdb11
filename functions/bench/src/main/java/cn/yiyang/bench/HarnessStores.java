package cn.yiyang.bench;

import cn.yiyang.embedded.EmbeddedDynamoServer;
import cn.yiyang.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * The harness's own stores, which every child process (Lambdas, benchmarks, the local gateway) is
 * pointed at: an embedded PostgreSQL on a fixed port and data directory, so that the harness can
 * stop and restart it mid-load, and DynamoDB Local.
 */
final class HarnessStores implements AutoCloseable {

    private final Path pgData;
    private final int pgPort;
    private volatile EmbeddedPostgresServer postgres;
    private final EmbeddedDynamoServer dynamo;

    private HarnessStores(Path pgData, int pgPort) {
        this.pgData = pgData;
        this.pgPort = pgPort;
        this.postgres = EmbeddedPostgresServer.start(pgData, pgPort);
        this.dynamo = EmbeddedDynamoServer.start();
    }

    /** The data directory goes under the system temp folder: when run as root, PostgreSQL runs as nobody, who must reach it. */
    static HarnessStores start() throws IOException {
        Path data = java.nio.file.Files.createTempDirectory("yiyang-harness-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new HarnessStores(data.resolve("data"), port);
    }

    String pgUrl() {
        return "postgresql://localhost:" + pgPort + "/" + EmbeddedPostgresServer.DATABASE;
    }

    String dynamoEndpoint() {
        return dynamo.endpoint();
    }

    /** What LocalStores would have answered: the child processes' and the benchmarks' store configuration. */
    Map<String, String> config() {
        return Map.of("quarkus.datasource.reactive.url", pgUrl(), "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "", "yiyang.dynamo.endpoint", dynamoEndpoint());
    }

    /** The environment that makes LocalStores in a child use these servers instead of starting its own. */
    Map<String, String> childEnvironment() {
        return Map.of("YIYANG_PG_URL", pgUrl(), "YIYANG_DYNAMO_ENDPOINT", dynamoEndpoint(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER, "QUARKUS_DATASOURCE_PASSWORD", "");
    }

    synchronized void stopPostgres() {
        postgres.close();
        postgres = null;
    }

    synchronized void startPostgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(pgData, pgPort);
        }
    }

    @Override
    public synchronized void close() {
        if (postgres != null) {
            postgres.close();
        }
        dynamo.close();
    }
}
