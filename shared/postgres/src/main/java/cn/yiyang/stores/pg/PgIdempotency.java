package cn.yiyang.stores.pg;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.api.IdempotencyKey;
import cn.yiyang.kernel.api.Invocation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Idempotency inside the business transaction. A transaction-scoped advisory lock on the key
 * decides who runs: a second request while the first is running gets 409 at once; after the
 * first commits, the record it wrote in the same transaction is replayed byte for byte (or 422
 * when the body differs). If the business write rolls back, so does the record: a retry runs anew.
 */
@ApplicationScoped
public class PgIdempotency {

    private static final String FIND = """
            select fingerprint, status, body from platform.idempotency_record
            where function = ?1 and county = ?2 and caller = ?3 and key = ?4 and expires_at > ?5""";
    private static final String RECORD = """
            insert into platform.idempotency_record
              (function, county, caller, key, fingerprint, status, body, created_at, expires_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            on conflict (function, county, caller, key) do update set
              fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body,
              created_at = excluded.created_at, expires_at = excluded.expires_at
            where platform.idempotency_record.expires_at <= excluded.created_at""";

    public Uni<Reply> guard(Invocation<?> invocation, Supplier<Uni<Reply>> work) {
        if (invocation.idempotencyKey().isEmpty()) {
            return work.get();
        }
        IdempotencyKey key = invocation.idempotencyKey().get();
        String function = invocation.function();
        OffsetDateTime now = OffsetDateTime.ofInstant(invocation.receivedAt(), ZoneOffset.UTC);
        return Panache.getSession().flatMap(session -> tryLock(session, key)
                .flatMap(locked -> {
                    if (!locked) {
                        return Uni.createFrom().failure(key.stillInProgress());
                    }
                    return find(session, function, key, now).flatMap(rows -> {
                        if (!rows.isEmpty()) {
                            return Uni.createFrom().item(replay(rows.get(0), key));
                        }
                        return work.get().flatMap(reply -> record(session, function, key, reply, now));
                    });
                }));
    }

    /**
     * For operations whose own business row is the idempotency record (a ledger transfer, keyed for
     * ever by its client key): only the lock, so a concurrent duplicate gets 409; the operation
     * itself finds the row and replays or refuses.
     */
    public Uni<Reply> lockOnly(Invocation<?> invocation, Supplier<Uni<Reply>> work) {
        if (invocation.idempotencyKey().isEmpty()) {
            return work.get();
        }
        IdempotencyKey key = invocation.idempotencyKey().get();
        return Panache.getSession().flatMap(session -> tryLock(session, key)
                .flatMap(locked -> locked ? work.get() : Uni.createFrom().failure(key.stillInProgress())));
    }

    private static Uni<Boolean> tryLock(Mutiny.Session session, IdempotencyKey key) {
        return session.createNativeQuery("select pg_try_advisory_xact_lock(?1)", Boolean.class)
                .setParameter(1, key.lockId())
                .getSingleResult();
    }

    private static Uni<List<Object[]>> find(Mutiny.Session session, String function, IdempotencyKey key,
                                            OffsetDateTime now) {
        return session.createNativeQuery(FIND, Object[].class)
                .setParameter(1, function)
                .setParameter(2, key.county())
                .setParameter(3, key.caller())
                .setParameter(4, key.key())
                .setParameter(5, now)
                .getResultList();
    }

    private static Reply replay(Object[] row, IdempotencyKey key) {
        if (!key.fingerprint().equals(row[0])) {
            throw key.reusedWithDifferentRequest();
        }
        return new Reply(((Number) row[1]).intValue(), (String) row[2], java.util.Map.of("idempotent-replayed", "true"));
    }

    private static Uni<Reply> record(Mutiny.Session session, String function, IdempotencyKey key, Reply reply,
                                     OffsetDateTime now) {
        if (reply.status() >= 300) {
            return Uni.createFrom().item(reply);
        }
        return session.createNativeQuery(RECORD)
                .setParameter(1, function)
                .setParameter(2, key.county())
                .setParameter(3, key.caller())
                .setParameter(4, key.key())
                .setParameter(5, key.fingerprint())
                .setParameter(6, reply.status())
                .setParameter(7, reply.json())
                .setParameter(8, now)
                .setParameter(9, now.plus(Duration.ofHours(IdempotencyKey.TTL_HOURS)))
                .executeUpdate()
                .replaceWith(reply);
    }
}
