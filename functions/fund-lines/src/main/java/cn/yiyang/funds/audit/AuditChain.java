package cn.yiyang.funds.audit;

import cn.yiyang.funds.audit.AuditVerifier.Break;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Walks a stretch of a county's hash chain: from the entry after {@code afterSeq}, whose previous hash
 * must be {@code previousHash}, recomputing every hash, for at most {@code maxEntries} entries. Reads one
 * entry past the budget to tell whether the chain goes on.
 */
final class AuditChain {

    static final int PAGE_ROWS = 1000;

    /**
     * What a walk found: how many entries held, the last one that held and its hash, the first
     * break, and whether it reached the head ({@code complete}) or stopped at its budget.
     */
    record Stretch(long entries, long lastSeq, String lastHash, Break firstBreak, boolean complete) {
    }

    private AuditChain() {
    }

    static Uni<Stretch> walk(String county, long afterSeq, String previousHash, long maxEntries) {
        return page(county, afterSeq, previousHash, 0, maxEntries);
    }

    private static Uni<Stretch> page(String county, long afterSeq, String previousHash, long checked, long maxEntries) {
        long wanted = Math.min(PAGE_ROWS, maxEntries - checked + 1);
        return NativeSql.select("""
                        select seq, at, actor, action, subject_type, subject_id, payload, prev_hash, hash
                        from funds.audit_entry where county = ?1 and seq > ?2 order by seq """ + " limit " + wanted, county, afterSeq)
                .flatMap(rows -> walk(rows, county, afterSeq, previousHash, checked, maxEntries, wanted));
    }

    private static Uni<Stretch> walk(List<SqlRow> rows, String county, long afterSeq, String previousHash, long checkedBefore,
                                     long maxEntries, long wanted) {
        long checked = checkedBefore;
        long expected = afterSeq;
        String previous = previousHash;
        for (SqlRow r : rows) {
            if (checked == maxEntries) {
                return done(new Stretch(checked, expected, previous, null, false));
            }
            expected++;
            long seq = r.number("seq");
            if (seq != expected) {
                return broken(checked, expected - 1, previous, new Break("MISSING_ENTRY", expected, null, "entry " + expected + " is missing"));
            }
            if (!previous.equals(r.text("prev_hash"))) {
                return broken(checked, seq - 1, previous, new Break("BROKEN_LINK", seq, r.text("subject_id"),
                        "prev_hash does not match the hash of entry " + (seq - 1)));
            }
            String hash = Canonical.chainHash(previous, county, seq, r.time("at"), r.text("actor"), r.text("action"),
                    r.text("subject_type"), r.text("subject_id"), r.text("payload"));
            if (!hash.equals(r.text("hash"))) {
                return broken(checked, seq - 1, previous, new Break("ENTRY_ALTERED", seq, r.text("subject_id"),
                        "the entry's content no longer matches its hash"));
            }
            previous = hash;
            checked++;
        }
        if (rows.size() < wanted) {
            return done(new Stretch(checked, expected, previous, null, true));
        }
        return page(county, expected, previous, checked, maxEntries);
    }

    private static Uni<Stretch> broken(long checked, long lastGood, String lastHash, Break found) {
        return done(new Stretch(checked, lastGood, lastHash, found, true));
    }

    private static Uni<Stretch> done(Stretch stretch) {
        return Uni.createFrom().item(stretch);
    }
}
