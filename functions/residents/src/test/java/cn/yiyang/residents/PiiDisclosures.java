package cn.yiyang.residents;

import cn.yiyang.residents.disclosure.Disclosure;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.function.Supplier;

/** Reads the disclosure log straight from PostgreSQL, to prove each disclosure left a record. */
public final class PiiDisclosures {

    private PiiDisclosures() {
    }

    /** Disclosures that name this resident among those disclosed. */
    public static long countFor(String residentId) {
        return inSession(() -> Disclosure.count("residentIds like ?1", "%" + residentId + "%"));
    }

    /** Disclosures to one caller (an officer's identity reads, an operator's look-ups). */
    public static long countBy(String county, String actor) {
        return inSession(() -> Disclosure.count("county = ?1 and actor = ?2", county, actor));
    }

    /** Runs a statement of plain SQL in a transaction of its own; answers the rows it changed. */
    public static int execute(String sql) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> Panache.getSession().flatMap(s -> s.createNativeQuery(sql).executeUpdate())));
        } catch (Throwable e) {
            throw new IllegalStateException(e.getClass().getSimpleName(), e);
        }
    }

    private static <T> T inSession(Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(work::get));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
