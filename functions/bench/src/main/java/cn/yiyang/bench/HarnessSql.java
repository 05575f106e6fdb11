package cn.yiyang.bench;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.List;

/** The harness's own look into PostgreSQL, around the API: one number from one query. */
final class HarnessSql implements AutoCloseable {

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx = Vertx.vertx();
    private final Pool pool;

    HarnessSql(HarnessStores stores) {
        this.pool = PgPool.pool(vertx, PgConnectOptions.fromUri(stores.pgUrl()).setUser("postgres").setPassword(""),
                new PoolOptions().setMaxSize(1));
    }

    /** {@code $1 … $n} parameters; the first column of the first row as a number. */
    long number(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().atMost(QUERY_TIMEOUT)
                .iterator().next().getLong(0);
    }

    /** The first column of every row, as text. */
    List<String> texts(String sql, Object... params) {
        List<String> texts = new java.util.ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().atMost(QUERY_TIMEOUT)
                .forEach(row -> texts.add(String.valueOf(row.getValue(0))));
        return texts;
    }

    @Override
    public void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }
}
