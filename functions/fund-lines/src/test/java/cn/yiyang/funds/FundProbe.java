package cn.yiyang.funds;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.List;

/**
 * Straight to PostgreSQL, around the API: what the ledger's tables hold, what the application's own
 * connection may do to them, and (as the database superuser, triggers switched off) tampering.
 */
public final class FundProbe {

    private FundProbe() {
    }

    public static long number(String sql, Object... params) {
        return await(() -> Panache.withSession(() -> Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(sql, Long.class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getSingleResult();
        })));
    }

    /** Through the application's own pool and role: the failure's message, or null if the statement went through. */
    public static String tryStatement(String sql) {
        try {
            await(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(sql).executeUpdate())));
            return null;
        } catch (AssertionError e) {
            return String.valueOf(e.getCause());
        }
    }

    /** What a DBA with superuser rights could do behind the application's back: change a row with the triggers off. */
    public static int tamper(String sql, Object... params) {
        return await(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("set local session_replication_role = replica").executeUpdate()
                .flatMap(v -> {
                    var q = s.createNativeQuery(sql);
                    for (int i = 0; i < params.length; i++) {
                        q.setParameter(i + 1, params[i]);
                    }
                    return q.executeUpdate();
                }))));
    }

    public static List<String> column(String sql, Object... params) {
        return await(() -> Panache.withSession(() -> Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(sql, String.class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        })));
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
