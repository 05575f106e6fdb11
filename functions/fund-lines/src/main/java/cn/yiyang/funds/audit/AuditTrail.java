package cn.yiyang.funds.audit;

import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Appends to a county's hash-chained audit trail, in the transaction of the change it records.
 * A transaction-scoped lock per county orders the appends; it is taken last, so it is held only
 * from the append to the commit.
 */
@ApplicationScoped
public class AuditTrail {

    public static final int ACTOR_CHARS_MAX = 128;

    public Uni<Void> append(String county, String actor, String action, String subjectType, String subjectId,
                            Map<String, ?> fact, OffsetDateTime at) {
        String payload = Canonical.json(fact);
        // the head read rides behind the lock in one round trip; PostgreSQL reads it after the lock is granted
        return NativeSql.send("select pg_advisory_xact_lock(hashtextextended('funds-audit:' || ?1, 0))", county)
                .flatMap(lock -> lock.then(NativeSql.selectOne(
                        "select seq, hash from funds.audit_entry where county = ?1 order by seq desc limit 1", county),
                        NativeSql.Sent::rows))
                .flatMap(last -> {
                    long seq = last.map(row -> row.number("seq") + 1).orElse(1L);
                    String previous = last.map(row -> row.text("hash")).orElse(Canonical.GENESIS_HASH);
                    String hash = Canonical.chainHash(previous, county, seq, at, actor, action, subjectType, subjectId, payload);
                    // nothing in the operation reads the entry back: in a pipelined transaction it rides with the COMMIT
                    return NativeSql.writeBeforeCommit("""
                                    insert into funds.audit_entry
                                      (county, seq, at, actor, action, subject_type, subject_id, payload, prev_hash, hash)
                                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""",
                            county, seq, at, actor, action, subjectType, subjectId, payload, previous, hash);
                })
                .replaceWithVoid();
    }
}
