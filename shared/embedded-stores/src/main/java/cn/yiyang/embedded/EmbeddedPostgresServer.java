package cn.yiyang.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server started from the Maven artifact's binaries (no Docker, no install).
 * Runs as {@code nobody} when the JVM runs as root.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    public static final int STARTUP_WAIT_SECONDS = 60;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port with an empty data directory. */
    public static EmbeddedPostgresServer start() {
        return start(null);
    }

    /** A server whose data lives in {@code dataDirectory} across restarts (null: throw-away). */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /**
     * A server on a given port (0: any free one) whose data lives in {@code dataDirectory}: closing it
     * and starting it again on the same directory and port is a database restart, as the proof
     * harness makes mid-load.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // a loaded 2-core machine can take longer than the library's 10 s to answer its first connection
                    .setPGStartupWait(java.time.Duration.ofSeconds(STARTUP_WAIT_SECONDS))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    // The server's log reaches the application's (zonky forwards it), and an error's text repeats
                    // input ("Failing row contains (...)"): only what ends the server is logged.
                    .setServerConfig("log_min_messages", "fatal")
                    .setServerConfig("log_min_error_statement", "panic");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port != 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The URL the reactive (Vert.x) PostgreSQL client takes. */
    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
