package cn.yiyang.stores.pg;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.api.IdempotencyKey;
import cn.yiyang.kernel.api.Invocation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency inside the business transaction. A transaction-scoped advisory lock on the key
 * decides who runs: a second request while the first is running gets 409 at once; after the
 * first commits, the record it wrote in the same transaction is replayed byte for byte (or 422
 * when the body differs). If the business write rolls back, so does the record: a retry runs anew.
 */
@ApplicationScoped
public class PgIdempotency {

    /** How long a claim holds its key: past it a crashed run's key may be claimed again (a Lambda runs ≤ 15 min). */
    public static final int CLAIM_LEASE_MINUTES = 15;
    /** The status of a claimed, still running request's record (HTTP 102 Processing); never replayed. */
    static final int CLAIMED = 102;

    /**
     * The key's transaction-scoped lock, or an error: failing the statement (division by zero, {@link #LOCK_NOT_TAKEN})
     * rather than answering false aborts the transaction at once, so statements sent behind the lock in the same
     * pipeline never run without it.
     */
    private static final String LOCK_OR_FAIL = "select 1 / pg_try_advisory_xact_lock(?1)::int as locked";
    private static final String LOCK_NOT_TAKEN = "22012";
    private static final String FIND = """
            select fingerprint, status, body, headers from platform.idempotency_record
            where function = ?1 and county = ?2 and caller = ?3 and key = ?4 and expires_at > ?5""";
    private static final String RECORD = """
            insert into platform.idempotency_record
              (function, county, caller, key, fingerprint, status, body, headers, created_at, expires_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            on conflict (function, county, caller, key) do update set
              fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body,
              headers = excluded.headers, created_at = excluded.created_at, expires_at = excluded.expires_at
            where platform.idempotency_record.expires_at <= excluded.created_at""";

    private static final String COMPLETE = """
            update platform.idempotency_record set status = ?5, body = ?6, headers = ?7, expires_at = ?8
            where function = ?1 and county = ?2 and caller = ?3 and key = ?4 and status = %d""".formatted(CLAIMED);
    private static final String RELEASE = """
            delete from platform.idempotency_record
            where function = ?1 and county = ?2 and caller = ?3 and key = ?4 and status = %d""".formatted(CLAIMED);

    public Uni<Reply> guard(Invocation<?> invocation, Supplier<Uni<Reply>> work) {
        if (invocation.idempotencyKey().isEmpty()) {
            return work.get();
        }
        IdempotencyKey key = invocation.idempotencyKey().get();
        String function = invocation.function();
        OffsetDateTime now = OffsetDateTime.ofInstant(invocation.receivedAt(), ZoneOffset.UTC);
        return lockedFind(function, key, now).flatMap(rows -> rows.isEmpty()
                ? work.get().flatMap(reply -> record(function, key, reply, now))
                : Uni.createFrom().item(replay(rows.get(0), key)));
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
        // the work's first statement (its read under the key) rides behind the lock; without the lock it fails as aborted
        return NativeSql.send(LOCK_OR_FAIL, key.lockId()).flatMap(lock -> lock.then(work.get(), sent -> held(sent, key)));
    }

    /**
     * For work of many transactions (a settlement run commits item by item): in a transaction of its own,
     * replay an earlier answer, or refuse while a claim is running, or claim the key for
     * {@link #CLAIM_LEASE_MINUTES}. Empty when this request now holds the claim and must run the work.
     */
    public Uni<Optional<Reply>> claim(Invocation<?> invocation) {
        IdempotencyKey key = invocation.idempotencyKey().orElseThrow();
        String function = invocation.function();
        OffsetDateTime now = OffsetDateTime.ofInstant(invocation.receivedAt(), ZoneOffset.UTC);
        return lockedFind(function, key, now).flatMap(rows -> {
            if (rows.isEmpty()) {
                return upsert(function, key, CLAIMED, "", "", now, now.plusMinutes(CLAIM_LEASE_MINUTES))
                        .replaceWith(Optional.<Reply>empty());
            }
            if (rows.get(0).number("status") == CLAIMED && key.fingerprint().equals(rows.get(0).text("fingerprint"))) {
                return Uni.createFrom().failure(key.stillInProgress());
            }
            return Uni.createFrom().item(Optional.of(replay(rows.get(0), key)));
        });
    }

    /** The claimed work answered: a success is recorded for replay, a refusal frees the key for a new try. */
    public Uni<Void> complete(Invocation<?> invocation, Reply reply) {
        if (reply.status() >= 300) {
            return release(invocation);
        }
        IdempotencyKey key = invocation.idempotencyKey().orElseThrow();
        OffsetDateTime now = OffsetDateTime.ofInstant(invocation.receivedAt(), ZoneOffset.UTC);
        return NativeSql.write(COMPLETE, invocation.function(), key.county(), key.caller(), key.key(), reply.status(),
                reply.json(), reply.storedHeaders(), now.plus(Duration.ofHours(IdempotencyKey.TTL_HOURS))).replaceWithVoid();
    }

    /** The claimed work failed: the claim goes, so the client's retry runs the work anew. */
    public Uni<Void> release(Invocation<?> invocation) {
        IdempotencyKey key = invocation.idempotencyKey().orElseThrow();
        return NativeSql.write(RELEASE, invocation.function(), key.county(), key.caller(), key.key()).replaceWithVoid();
    }

    /**
     * The key's lock, then the key's record read under it: one round trip (the read rides behind the
     * lock, and PostgreSQL takes its snapshot after the lock is granted). A lock held by a concurrent
     * request fails the transaction, the read with it: 409 at once.
     */
    private static Uni<List<SqlRow>> lockedFind(String function, IdempotencyKey key, OffsetDateTime now) {
        return NativeSql.send(LOCK_OR_FAIL, key.lockId()).flatMap(lock -> lock.then(find(function, key, now),
                sent -> held(sent, key)));
    }

    /** The lock's answer: taken, or (it failed as {@link #LOCK_OR_FAIL} fails) the key is still in progress. */
    private static Uni<Void> held(NativeSql.Sent lock, IdempotencyKey key) {
        return lock.rows().onFailure(failure -> PgFailures.is(failure, LOCK_NOT_TAKEN))
                .transform(failure -> key.stillInProgress()).replaceWithVoid();
    }

    private static Uni<List<SqlRow>> find(String function, IdempotencyKey key, OffsetDateTime now) {
        return NativeSql.select(FIND, function, key.county(), key.caller(), key.key(), now);
    }

    private static Reply replay(SqlRow row, IdempotencyKey key) {
        if (!key.fingerprint().equals(row.text("fingerprint"))) {
            throw key.reusedWithDifferentRequest();
        }
        return Reply.replayed((int) row.number("status"), row.text("body"), row.text("headers"));
    }

    private static Uni<Reply> record(String function, IdempotencyKey key, Reply reply, OffsetDateTime now) {
        if (reply.status() >= 300) {
            return Uni.createFrom().item(reply);
        }
        // under the key's lock nothing else writes the key's record: its answer can wait for the commit's
        return NativeSql.writeBeforeCommit(RECORD, function, key.county(), key.caller(), key.key(), key.fingerprint(),
                reply.status(), reply.json(), reply.storedHeaders(), now, now.plus(Duration.ofHours(IdempotencyKey.TTL_HOURS)))
                .replaceWith(reply);
    }

    private static Uni<Integer> upsert(String function, IdempotencyKey key, int status, String body, String headers,
                                       OffsetDateTime now, OffsetDateTime expiresAt) {
        return NativeSql.write(RECORD, function, key.county(), key.caller(), key.key(), key.fingerprint(), status, body,
                headers, now, expiresAt);
    }
}
