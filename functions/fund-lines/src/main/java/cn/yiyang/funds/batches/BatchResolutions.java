package cn.yiyang.funds.batches;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A batch's one resolution row and its BATCH_&lt;OUTCOME&gt; audit entry, written together. */
final class BatchResolutions {

    private BatchResolutions() {
    }

    /**
     * The resolution's fact; a POSTED batch's names the hash over the transfers it made
     * ({@code funds.batch_transfers_hash}), which verification recomputes.
     */
    static Map<String, Object> fact(String outcome, String by, Integer failedSeq, String failureCode, String reason,
                                    String transfersHash) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("outcome", outcome);
        fact.put("resolvedBy", by);
        fact.put("failedSeq", failedSeq);
        fact.put("failureCode", failureCode);
        fact.put("reason", reason);
        if (transfersHash != null) {
            fact.put("transfersHash", transfersHash);
        }
        return fact;
    }

    static Uni<Void> record(AuditTrail audit, Batch b, BatchStatus outcome, String by, Integer failedSeq, String failureCode,
                            String reason, String transfersHash, OffsetDateTime now) {
        return NativeSql.write("""
                        insert into funds.batch_resolution (batch_id, county, outcome, resolved_by, failed_seq, failure_code, reason, resolved_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as int), cast(?6 as text), cast(?7 as text), ?8)""",
                        b.id(), b.county(), outcome.name(), by, failedSeq, failureCode, reason, now)
                .flatMap(v -> audit.append(b.county(), by, "BATCH_" + outcome.name(), "BATCH", b.id().toString(),
                        fact(outcome.name(), by, failedSeq, failureCode, reason, transfersHash), now));
    }
}
