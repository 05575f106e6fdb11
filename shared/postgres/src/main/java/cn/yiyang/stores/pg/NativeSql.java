package cn.yiyang.stores.pg;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.impl.SqlClientConnection;
import org.hibernate.type.StandardBasicTypes;

/**
 * Plain SQL in the current Panache session's transaction, so entities and native SQL of one
 * operation share it: positional parameters {@code ?1 … ?n}. {@link #select}, {@link #selectOne} and
 * {@link #write} send the statement straight on the session's own connection (the reactive
 * PostgreSQL client, prepared and cached, rows read by column name as {@link SqlRow}) after flushing
 * the session's entities, as Hibernate does before a native query; they skip Hibernate's per-query
 * work, which cost more than the round trip itself (issue 18, harness section "postgres access").
 * {@link #rows}, {@link #first} and {@link #update} go through Hibernate's native queries and hand
 * rows out as {@code Object[]} read by position; new code uses the first three.
 */
public final class NativeSql {

    private static final java.util.regex.Pattern DOLLAR_PARAMETER = java.util.regex.Pattern.compile("\\?(\\d+)");
    /** Distinct statement texts kept rewritten: the code's own constants, far fewer than this (some carry a limit). */
    private static final int REWRITTEN_STATEMENTS_MAX = 4_096;
    private static final java.util.Map<String, String> DOLLAR_SQL = new java.util.concurrent.ConcurrentHashMap<>();
    private static final TypedParameterValue<String> TEXT_NULL = new TypedParameterValue<>(StandardBasicTypes.STRING, null);

    private NativeSql() {
    }

    /** The rows, read by column name. */
    public static Uni<List<SqlRow>> select(String sql, Object... params) {
        return onConnection(sql, params).map(NativeSql::read);
    }

    /** An INSERT, UPDATE or DELETE: the rows it changed. */
    public static Uni<Integer> write(String sql, Object... params) {
        return onConnection(sql, params).map(RowSet::rowCount);
    }

    /**
     * An INSERT or UPDATE whose answer the operation does not need before it ends (an audit entry, the
     * idempotency record): in a {@link PipelinedTransaction} it is sent now and its answer checked with
     * the COMMIT's, which goes out behind it (a failure rolls everything back and is the operation's
     * failure); in any other transaction it is written and waited for, as {@link #write}.
     */
    public static Uni<Void> writeBeforeCommit(String sql, Object... params) {
        Optional<PipelinedTransaction> pipelined = PipelinedTransaction.current();
        if (pipelined.isEmpty() || !pipelined.get().hasRoomBeforeCommit()) {
            return write(sql, params).replaceWithVoid();
        }
        return send(sql, params).invoke(sent -> pipelined.get().answeredAtCommit(sent.answer)).replaceWithVoid();
    }

    /**
     * Sends the statement now and does not wait for its answer: a statement sent after it (by this
     * operation, before the answer is back) goes down the same connection behind it, a pipeline, so
     * the two cost one round trip. PostgreSQL still runs them one by one in the order sent, each with
     * its own snapshot, so a read sent after a lock is read under the lock; and if this one fails,
     * every statement after it in the transaction fails as aborted: {@link Sent#then} reports this
     * statement's failure before theirs.
     */
    public static Uni<Sent> send(String sql, Object... params) {
        String statement = withDollarParameters(sql);
        io.vertx.sqlclient.Tuple values = wireValues(params);
        return Panache.getSession().flatMap(session -> session.flush().map(flushed ->
                new Sent(connectionOf(session).preparedQuery(statement, values).toCompletableFuture())));
    }

    /** A statement and its positional parameters, for {@link #pipelined}. */
    public record Statement(String sql, Object... params) {
    }

    /**
     * The statements sent at once, in order, and waited for once: one round trip for all of them, each read
     * by column name. PostgreSQL runs them one after another, each with its own snapshot; the first that
     * fails is the pipeline's failure (those after it fail only as an aborted transaction).
     */
    public static Uni<List<List<SqlRow>>> pipelined(Statement... statements) {
        return Panache.getSession().flatMap(session -> session.flush().flatMap(flushed -> {
            SqlClientConnection connection = connectionOf(session);
            List<java.util.concurrent.CompletableFuture<RowSet<Row>>> answers = new ArrayList<>(statements.length);
            for (Statement statement : statements) {
                answers.add(connection.preparedQuery(withDollarParameters(statement.sql()), wireValues(statement.params()))
                        .toCompletableFuture());
            }
            return Uni.createFrom().completionStage(java.util.concurrent.CompletableFuture
                    .allOf(answers.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .handle((all, failure) -> answers)).map(NativeSql::inOrder);
        }));
    }

    private static List<List<SqlRow>> inOrder(List<java.util.concurrent.CompletableFuture<RowSet<Row>>> answers) {
        List<List<SqlRow>> read = new ArrayList<>(answers.size());
        for (java.util.concurrent.CompletableFuture<RowSet<Row>> answer : answers) {
            try {
                read.add(read(answer.join()));
            } catch (java.util.concurrent.CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        return read;
    }

    /** A statement on its way: its answer, awaited when the operation needs it. */
    public static final class Sent {

        private final java.util.concurrent.CompletableFuture<RowSet<Row>> answer;

        private Sent(java.util.concurrent.CompletableFuture<RowSet<Row>> answer) {
            this.answer = answer;
        }

        public Uni<List<SqlRow>> rows() {
            return Uni.createFrom().completionStage(answer).map(NativeSql::read);
        }

        /** The rows an INSERT, UPDATE or DELETE changed. */
        public Uni<Integer> changed() {
            return Uni.createFrom().completionStage(answer).map(RowSet::rowCount);
        }

        /**
         * The rest of the work, sent behind this statement, then {@code check} on this statement's answer.
         * The check's failure comes first: this statement's own (a failed statement fails the rest as an
         * aborted transaction) or its refusal; otherwise the rest's answer or failure.
         */
        public <T> Uni<T> then(Uni<T> rest, java.util.function.Function<Sent, Uni<?>> check) {
            return rest.onItemOrFailure().transformToUni((item, failure) -> {
                Uni<Void> own = check.apply(this).replaceWithVoid();
                if (failure == null) {
                    return own.replaceWith(item);
                }
                return own.onItem().transformToUni(ok -> Uni.createFrom().<T>failure(failure));
            });
        }
    }

    private static Uni<RowSet<Row>> onConnection(String sql, Object... params) {
        String statement = withDollarParameters(sql);
        io.vertx.sqlclient.Tuple values = wireValues(params);
        return Panache.getSession().flatMap(session -> session.flush().chain(() -> Uni.createFrom()
                .completionStage(() -> connectionOf(session).preparedQuery(statement, values))));
    }

    private static List<SqlRow> read(RowSet<Row> rows) {
        List<SqlRow> read = new ArrayList<>(rows.size());
        rows.forEach(row -> read.add(new SqlRow(row)));
        return read;
    }

    /** {@code ?n} to the wire's {@code $n}; the same few statements over and over, so each is rewritten once. */
    private static String withDollarParameters(String sql) {
        String rewritten = DOLLAR_SQL.get(sql);
        if (rewritten == null) {
            rewritten = DOLLAR_PARAMETER.matcher(sql).replaceAll("\\$$1");
            if (DOLLAR_SQL.size() < REWRITTEN_STATEMENTS_MAX) {
                DOLLAR_SQL.put(sql, rewritten);
            }
        }
        return rewritten;
    }

    private static io.vertx.sqlclient.Tuple wireValues(Object... params) {
        io.vertx.sqlclient.Tuple values = io.vertx.sqlclient.Tuple.tuple();
        for (Object param : params) {
            values.addValue(wireValue(param));
        }
        return values;
    }

    /** The session's own connection, in its transaction: Hibernate Reactive's, which holds the reactive client's. */
    private static SqlClientConnection connectionOf(Mutiny.Session session) {
        // A batching wrapper hands out the connection it wraps for a batch size of 1 (its batch ran at the flush).
        if (session instanceof MutinySessionImpl impl
                && impl.getReactiveConnection().withBatchSize(1) instanceof SqlClientConnection connection) {
            return connection;
        }
        throw new IllegalStateException("not a Hibernate Reactive session on the reactive PostgreSQL client: "
                + session.getClass().getName());
    }

    /** What the reactive client binds: it takes bytes as a Buffer and times as OffsetDateTime. */
    private static Object wireValue(Object param) {
        if (param instanceof byte[] bytes) {
            return Buffer.buffer(bytes);
        }
        if (param instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (param instanceof Enum<?> constant) {
            return constant.name();
        }
        return param;
    }

    /** The first row, if any, read by column name. */
    public static Uni<Optional<SqlRow>> selectOne(String sql, Object... params) {
        return select(sql, params).map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
    }

    public static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> bind(s.<Object>createNativeQuery(sql), params).getResultList())
                .map(NativeSql::asRows);
    }

    public static Uni<Optional<Object[]>> first(String sql, Object... params) {
        return rows(sql, params).map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
    }

    public static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> bind(s.<Object>createNativeQuery(sql), params).executeUpdate());
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            // A bare null has no type to bind with: it goes as a text null, which the SQL casts (cast(?n as uuid)).
            query.setParameter(i + 1, params[i] == null ? TEXT_NULL : params[i]);
        }
        return query;
    }

    private static List<Object[]> asRows(List<?> results) {
        List<Object[]> rows = new ArrayList<>(results.size());
        for (Object result : results) {
            rows.add(result instanceof Object[] row ? row : new Object[] {result});
        }
        return rows;
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public static long number(Object value) {
        if (value == null) {
            return 0;
        }
        return ((Number) value).longValue();
    }

    public static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    public static boolean bool(Object value) {
        return Boolean.TRUE.equals(value);
    }

    public static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        throw new IllegalStateException("not a time: " + value.getClass().getName());
    }
}
