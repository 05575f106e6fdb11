package cn.yiyang.bench;

import cn.yiyang.bench.TransferFlow.Account;
import cn.yiyang.bench.TransferFlow.AuditHead;
import cn.yiyang.bench.TransferFlow.Earlier;
import cn.yiyang.bench.TransferFlow.Steps;
import cn.yiyang.bench.TransferFlow.Style;
import cn.yiyang.bench.TransferFlow.Transfer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.cfg.Configuration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.impl.SqlClientConnection;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.provider.Settings;

/**
 * The access styles the benchmark compares, each from the calling thread (not a Vert.x thread, as
 * the Lambda's is): Hibernate Reactive native queries with rows as {@code Object[]} read by position
 * (today's NativeSql) or as JPA {@code Tuple}s read by column name, and the reactive PostgreSQL
 * client's Pool with rows read by name. Connections: a pool of {@value #POOL_SIZE}, as a Lambda's.
 */
final class AccessStyles {

    static final int POOL_SIZE = 2;
    static final int STATEMENT_CACHE_SIZE_MAX = 256;

    private AccessStyles() {
    }

    /** Hibernate Reactive on its own (Quarkus builds the same session factory over the same Vert.x pool). */
    static Mutiny.SessionFactory sessionFactory(String url, String user, String password, boolean cachePrepared) {
        Configuration configuration = new Configuration();
        Properties settings = new Properties();
        settings.put(Settings.URL, url);
        settings.put(Settings.USER, user);
        settings.put(Settings.PASS, password);
        settings.put(Settings.POOL_SIZE, Integer.toString(POOL_SIZE));
        // 0 turns Hibernate Reactive's own cache off, as Quarkus' pool has it off by default
        settings.put(Settings.PREPARED_STATEMENT_CACHE_MAX_SIZE, Integer.toString(cachePrepared ? STATEMENT_CACHE_SIZE_MAX : 0));
        configuration.addProperties(settings);
        return configuration.buildSessionFactory(new ReactiveServiceRegistryBuilder().applySettings(settings).build())
                .unwrap(Mutiny.SessionFactory.class);
    }

    /** (a) today: NativeSql on the session, positional parameters, {@code Object[]} rows read by position. */
    static Style objectArrays(String name, Mutiny.SessionFactory factory) {
        return new HibernateStyle(name, factory, ObjectArraySteps::new, false);
    }

    /** (b) the same session, rows as {@code Tuple}s read by column name. */
    static Style tuples(String name, Mutiny.SessionFactory factory) {
        return new HibernateStyle(name, factory, TupleSteps::new, false);
    }

    /** The chosen style with the ledger's statements after issue 18's cuts. */
    static Style tuplesCut(String name, Mutiny.SessionFactory factory) {
        return new HibernateStyle(name, factory, TupleSteps::new, true);
    }

    private record HibernateStyle(String name, Mutiny.SessionFactory factory, Function<Mutiny.Session, Steps> steps,
                                  boolean cut) implements Style {
        @Override
        public <T> T inTransaction(Function<Steps, Uni<T>> work) {
            return factory.withTransaction(session -> work.apply(steps.apply(session))).await().indefinitely();
        }

        @Override
        public void close() {
            factory.close();
        }
    }

    private abstract static class HibernateSteps<R> implements Steps {
        final Mutiny.Session session;
        private final Class<R> rowType;

        HibernateSteps(Mutiny.Session session, Class<R> rowType) {
            this.session = session;
            this.rowType = rowType;
        }

        Uni<Optional<R>> first(String sql, Object... params) {
            Mutiny.SelectionQuery<R> query = session.createNativeQuery(TransferStatements.positional(sql), rowType);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList().map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
        }

        @Override
        public Uni<Integer> run(String sql, Object... params) {
            Mutiny.Query<Object> query = session.createNativeQuery(TransferStatements.positional(sql));
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return sql.startsWith("select") ? query.getResultList().map(List::size) : query.executeUpdate();
        }
    }

    private static final class ObjectArraySteps extends HibernateSteps<Object[]> {
        ObjectArraySteps(Mutiny.Session session) {
            super(session, Object[].class);
        }

        @Override
        public Uni<Optional<Transfer>> transfer(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new Transfer((UUID) r[0], text(r[1]), (UUID) r[3], (UUID) r[5],
                    (UUID) r[6], ((Number) r[7]).longValue(), ((Number) r[14]).intValue(), r[17] == null ? "PENDING" : text(r[17]),
                    time(r[15]), r[21] == null ? List.of() : List.of(text(r[21]).split(",")))));
        }

        @Override
        public Uni<Optional<Account>> account(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new Account((UUID) r[0], (UUID) r[1], text(r[2]), text(r[3]),
                    Boolean.TRUE.equals(r[8]), ((Number) r[9]).longValue(), ((Number) r[10]).longValue(),
                    ((Number) r[11]).longValue(), ((Number) r[12]).longValue())));
        }

        @Override
        public Uni<Optional<Integer>> pendingExpiryHours(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> ((Number) r[1]).intValue()));
        }

        @Override
        public Uni<Optional<AuditHead>> auditHead(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new AuditHead(((Number) r[0]).longValue(), text(r[1]))));
        }

        @Override
        public Uni<Optional<Earlier>> earlier(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new Earlier(text(r[0]), ((Number) r[1]).intValue(), text(r[2]))));
        }

        @Override
        public Uni<Boolean> flag(String sql, Object... params) {
            return session.createNativeQuery(TransferStatements.positional(sql), Boolean.class).setParameter(1, params[0])
                    .getSingleResult();
        }
    }

    private static final class TupleSteps extends HibernateSteps<Tuple> {
        TupleSteps(Mutiny.Session session) {
            super(session, Tuple.class);
        }

        @Override
        public Uni<Optional<Transfer>> transfer(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new Transfer(r.get("id", UUID.class), r.get("county", String.class),
                    r.get("fund_line_id", UUID.class), r.get("debit_account_id", UUID.class), r.get("credit_account_id", UUID.class),
                    r.get("amount_fen", Long.class), r.get("required_approvals", Short.class),
                    r.get("outcome") == null ? "PENDING" : r.get("outcome", String.class), time(r.get("created_at")),
                    r.get("approvers") == null ? List.of() : List.of(r.get("approvers", String.class).split(",")))));
        }

        @Override
        public Uni<Optional<Account>> account(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new Account(r.get("id", UUID.class), r.get("fund_line_id", UUID.class),
                    r.get("code", String.class), r.get("kind", String.class), r.get("floor_enforced", Boolean.class),
                    r.get("debits_pending", Long.class), r.get("debits_posted", Long.class), r.get("credits_pending", Long.class),
                    r.get("credits_posted", Long.class))));
        }

        @Override
        public Uni<Optional<Integer>> pendingExpiryHours(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> r.get("pending_expiry_hours", Integer.class)));
        }

        @Override
        public Uni<Optional<AuditHead>> auditHead(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new AuditHead(r.get("seq", Long.class), r.get("hash", String.class))));
        }

        @Override
        public Uni<Optional<Earlier>> earlier(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new Earlier(r.get("fingerprint", String.class),
                    r.get("status", Integer.class), r.get("body", String.class))));
        }

        @Override
        public Uni<Boolean> flag(String sql, Object... params) {
            return session.createNativeQuery(TransferStatements.positional(sql), Boolean.class).setParameter(1, params[0])
                    .getSingleResult();
        }
    }

    /** (c) the reactive PostgreSQL client's Pool, prepared queries, rows read by name. */
    static Style pool(String name, String url, String user, String password, boolean cachePrepared) {
        Vertx vertx = Vertx.vertx();
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password)
                .setCachePreparedStatements(cachePrepared).setPreparedStatementCacheMaxSize(STATEMENT_CACHE_SIZE_MAX);
        return new PoolStyle(name, vertx, PgPool.pool(vertx, options, new PoolOptions().setMaxSize(POOL_SIZE)));
    }

    /**
     * (d) chosen: Hibernate Reactive's transaction, each statement sent on the session's own connection
     * as NativeSql.select/write do (the session flushed first), rows by name, the ledger's statements after the cuts.
     */
    static Style sessionConnection(String name, Mutiny.SessionFactory factory) {
        return new HibernateStyle(name, factory, session -> {
            SqlClientConnection connection = (SqlClientConnection) ((MutinySessionImpl) session).getReactiveConnection()
                    .withBatchSize(1);
            return new RowSteps((sql, values) -> session.flush().chain(() -> Uni.createFrom()
                    .completionStage(() -> connection.preparedQuery(sql, values))));
        }, true);
    }

    private record PoolStyle(String name, Vertx vertx, Pool pool) implements Style {
        @Override
        public <T> T inTransaction(Function<Steps, Uni<T>> work) {
            return pool.withTransaction(connection -> work.apply(new RowSteps((sql, values) -> connection.preparedQuery(sql)
                    .execute(io.vertx.mutiny.sqlclient.Tuple.newInstance(values)).map(RowSet::getDelegate)))).await().indefinitely();
        }

        @Override
        public void close() {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    /** Statements through a prepared-query function, rows read by name. */
    private record RowSteps(BiFunction<String, io.vertx.sqlclient.Tuple, Uni<io.vertx.sqlclient.RowSet<Row>>> send) implements Steps {
        private Uni<io.vertx.sqlclient.RowSet<Row>> execute(String sql, Object... params) {
            return send.apply(sql, io.vertx.sqlclient.Tuple.from(java.util.Arrays.asList(params)));
        }

        private Uni<Optional<Row>> first(String sql, Object... params) {
            return execute(sql, params).map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
        }

        @Override
        public Uni<Optional<Transfer>> transfer(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new Transfer(r.getUUID("id"), r.getString("county"),
                    r.getUUID("fund_line_id"), r.getUUID("debit_account_id"), r.getUUID("credit_account_id"), r.getLong("amount_fen"),
                    r.getInteger("required_approvals"), r.getString("outcome") == null ? "PENDING" : r.getString("outcome"),
                    r.getOffsetDateTime("created_at"),
                    r.getString("approvers") == null ? List.of() : List.of(r.getString("approvers").split(",")))));
        }

        @Override
        public Uni<Optional<Account>> account(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new Account(r.getUUID("id"), r.getUUID("fund_line_id"),
                    r.getString("code"), r.getString("kind"), r.getBoolean("floor_enforced"), r.getLong("debits_pending"),
                    r.getLong("debits_posted"), r.getLong("credits_pending"), r.getLong("credits_posted"))));
        }

        @Override
        public Uni<Optional<Integer>> pendingExpiryHours(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> r.getInteger("pending_expiry_hours")));
        }

        @Override
        public Uni<Optional<AuditHead>> auditHead(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new AuditHead(r.getLong("seq"), r.getString("hash"))));
        }

        @Override
        public Uni<Optional<Earlier>> earlier(String sql, Object... params) {
            return first(sql, params).map(row -> row.map(r -> new Earlier(r.getString("fingerprint"), r.getInteger("status"),
                    r.getString("body"))));
        }

        @Override
        public Uni<Boolean> flag(String sql, Object... params) {
            return first(sql, params).map(row -> row.orElseThrow().getBoolean(0));
        }

        @Override
        public Uni<Integer> run(String sql, Object... params) {
            return execute(sql, params).map(rows -> sql.startsWith("select") ? rows.size() : rows.rowCount());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
