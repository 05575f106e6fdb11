package cn.yiyang.residents;

import cn.yiyang.residents.identity.PiiDisclosure;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.UUID;

/** Reads the disclosure audit straight from PostgreSQL, to prove each disclosure left a record. */
public final class PiiDisclosures {

    private PiiDisclosures() {
    }

    public static long countFor(String residentId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> PiiDisclosure.count("residentId", UUID.fromString(residentId))));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
