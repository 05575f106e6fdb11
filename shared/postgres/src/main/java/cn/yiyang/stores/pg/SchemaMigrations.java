package cn.yiyang.stores.pg;

import cn.yiyang.kernel.api.DeployStep;
import cn.yiyang.kernel.api.Reply;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Versioned schema migrations, never drop-and-create. In AWS they run once per deployment (a
 * {@link DeployStep} the stack invokes when a version goes live, {@code YIYANG_PG_MIGRATE_AT_START=false}),
 * so no cold start pays for them; local runs and tests migrate at start. Each set ({@code platform}, {@code residents},
 * …) lists its files in order in {@code db/<set>/migrations.txt} (named, not scanned, so native
 * images find them). Applied once each, in one transaction per set under an advisory lock so
 * concurrent cold starts do not race; a changed file that was already applied stops the start.
 */
@ApplicationScoped
public class SchemaMigrations implements DeployStep {

    public static final String STEP = "migrate-schema";

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    private static final long LOCK_ID = 0x5969_5961_6e67L;
    private static final String BOOTSTRAP = """
            create schema if not exists platform;
            create table if not exists platform.schema_migration (
              set_name text not null,
              file_name text not null,
              checksum char(64) not null,
              applied_at timestamptz not null default now(),
              primary key (set_name, file_name))""";

    private final Pool pool;
    private final boolean atStart;
    private final List<String> sets;

    public SchemaMigrations(Pool pool,
                            @ConfigProperty(name = "yiyang.pg.migrate-at-start", defaultValue = "true") boolean atStart,
                            @ConfigProperty(name = "yiyang.pg.migration-sets", defaultValue = "platform") List<String> sets) {
        this.pool = pool;
        this.atStart = atStart;
        this.sets = sets;
    }

    /** Before any application start-up work: nothing may touch tables that do not exist yet. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (atStart) {
            migrate();
        }
    }

    @Override
    public String name() {
        return STEP;
    }

    @Override
    public Reply run() {
        return Reply.ok(Map.of("applied", migrate()));
    }

    /** Each set's pending migrations, applied; answers how many each set applied. */
    public Map<String, Integer> migrate() {
        Map<String, Integer> appliedBySet = new LinkedHashMap<>();
        for (String set : sets) {
            int applied = pool.withTransaction(connection -> migrateSet(connection, set.trim()))
                    .await().atMost(java.time.Duration.ofMinutes(2));
            if (applied > 0) {
                LOG.infof("schema set %s: %d migration(s) applied", set, applied);
            }
            appliedBySet.put(set.trim(), applied);
        }
        return appliedBySet;
    }

    private Uni<Integer> migrateSet(SqlConnection connection, String set) {
        List<String> files = read("db/" + set + "/migrations.txt").lines()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Uni<Integer> chain = connection.query("select pg_advisory_xact_lock(" + LOCK_ID + ")").execute()
                .flatMap(ignored -> connection.query(BOOTSTRAP).execute())
                .replaceWith(0);
        for (String file : files) {
            chain = chain.flatMap(count -> applyOne(connection, set, file).map(applied -> count + (applied ? 1 : 0)));
        }
        return chain;
    }

    private Uni<Boolean> applyOne(SqlConnection connection, String set, String file) {
        String sql = read("db/" + set + "/" + file);
        String checksum = sha256(sql);
        return connection.preparedQuery("select checksum from platform.schema_migration where set_name = $1 and file_name = $2")
                .execute(Tuple.of(set, file))
                .flatMap(rows -> {
                    if (rows.iterator().hasNext()) {
                        String known = rows.iterator().next().getString(0);
                        if (!known.equals(checksum)) {
                            return Uni.createFrom().failure(new IllegalStateException(
                                    "migration " + set + "/" + file + " changed after it was applied"));
                        }
                        return Uni.createFrom().item(false);
                    }
                    return connection.query(sql).execute()
                            .flatMap(ignored -> connection.preparedQuery(
                                            "insert into platform.schema_migration (set_name, file_name, checksum) values ($1, $2, $3)")
                                    .execute(Tuple.of(set, file, checksum)))
                            .replaceWith(true);
                });
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
