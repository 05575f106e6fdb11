package cn.yiyang.stores.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.embedded.EmbeddedPostgresServer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Versioned migrations on an empty embedded PostgreSQL: applied once, again without harm, never silently changed. */
class SchemaMigrationsTest {

    /** The files of db/platform/migrations.txt. */
    private static final long PLATFORM_FILES = 2;
    private static final String FIRST = "file_name = 'V1__idempotency.sql'";

    private static EmbeddedPostgresServer postgres;
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void emptyDatabase() {
        postgres = EmbeddedPostgresServer.start();
        vertx = Vertx.vertx();
        pool = PgPool.pool(vertx, new PgConnectOptions().setHost("localhost").setPort(postgres.port())
                .setDatabase(EmbeddedPostgresServer.DATABASE).setUser(EmbeddedPostgresServer.USER), new PoolOptions().setMaxSize(2));
    }

    @AfterAll
    static void stop() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        postgres.close();
    }

    @Test
    void migrationsApplyToAnEmptyDatabase_andASecondRunChangesNothing() {
        SchemaMigrations migrations = new SchemaMigrations(pool, false, List.of("platform"));

        migrations.migrate();
        long applied = count("select count(*) from platform.schema_migration");
        migrations.migrate();

        assertThat(applied).as("one row per file of the set").isEqualTo(PLATFORM_FILES);
        assertThat(count("select count(*) from platform.schema_migration")).isEqualTo(applied);
        assertThat(count("select count(*) from information_schema.columns where table_schema = 'platform' "
                + "and table_name = 'idempotency_record' and column_name = 'headers'")).as("the last file applied").isEqualTo(1);
    }

    @Test
    void anAppliedMigrationWhoseFileChanged_stopsTheStart() {
        new SchemaMigrations(pool, false, List.of("platform")).migrate();
        String applied = text("select checksum from platform.schema_migration where set_name = 'platform' and " + FIRST);
        execute("update platform.schema_migration set checksum = repeat('0', 64) where set_name = 'platform' and " + FIRST);
        try {
            assertThatThrownBy(() -> new SchemaMigrations(pool, false, List.of("platform")).migrate())
                    .hasMessageContaining("changed after it was applied");
        } finally {
            execute("update platform.schema_migration set checksum = '" + applied + "' where set_name = 'platform' and " + FIRST);
        }
    }

    private static void execute(String sql) {
        pool.query(sql).execute().await().atMost(Duration.ofSeconds(10));
    }

    private static String text(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
    }

    private static long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
