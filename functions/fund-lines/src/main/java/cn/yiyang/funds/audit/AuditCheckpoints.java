package cn.yiyang.funds.audit;

import cn.yiyang.funds.audit.AuditVerifier.Break;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed checkpoints of a county's audit chain. The {@code checkpoint-audit} job walks the chain from
 * the newest checkpoint it trusts to the head (at most {@link #ENTRIES_PER_RUN_MAX} entries a run) and,
 * if every entry holds, signs "entries up to seq verified, seq's hash is h" ({@link CheckpointSigner}).
 * A verification then starts at the newest checkpoint whose signature holds; one that does not is
 * reported and passed over, and the entry it names must still carry the hash it signed.
 */
@ApplicationScoped
public class AuditCheckpoints {

    /** Checkpoints looked at, newest first, for one that verifies. */
    public static final int CHECKPOINTS_TRIED_MAX = 10;
    /** Entries one run of the job walks: a longer new stretch is checkpointed where the run stops, the rest next run. */
    public static final long ENTRIES_PER_RUN_MAX = 50_000;

    @RegisterForReflection
    public record Checkpoint(long seq, String hash, String at, String keyId) {
    }

    /** A checkpoint passed over: {@code BAD_SIGNATURE}, {@code UNKNOWN_KEY} (another key's), or {@code NO_KEY} (this function has none). */
    @RegisterForReflection
    public record RejectedCheckpoint(long seq, String reason) {
    }

    /** Where a walk starts: after the trusted checkpoint (none: the first entry), and what was passed over. */
    record Start(@Nullable Checkpoint checkpoint, long afterSeq, String previousHash, List<RejectedCheckpoint> rejected,
                 @Nullable Break firstBreak) {
        static Start genesis() {
            return new Start(null, 0, Canonical.GENESIS_HASH, List.of(), null);
        }
    }

    /** One county's run of the job. */
    @RegisterForReflection
    public record CheckpointRun(boolean written, long seq, long entriesChecked, @Nullable Break firstBreak,
                                List<RejectedCheckpoint> rejectedCheckpoints) {
    }

    private final CheckpointSigner signer;
    private final Clock clock;

    public AuditCheckpoints(CheckpointSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** The job, per county: walk from the newest trusted checkpoint and sign the head the walk reached. */
    public Uni<Reply> write(Caller scheduler, NoInput none) {
        String county = scheduler.county();
        if (!signer.hasKey()) {
            return Uni.createFrom().item(Reply.ok(new CheckpointRun(false, 0, 0, null, List.of())));
        }
        return newestTrusted(county).flatMap(start -> {
            if (start.firstBreak() != null) {
                return Uni.createFrom().item(new CheckpointRun(false, start.afterSeq(), 0, start.firstBreak(), start.rejected()));
            }
            return AuditChain.walk(county, start.afterSeq(), start.previousHash(), ENTRIES_PER_RUN_MAX).flatMap(stretch -> {
                if (stretch.firstBreak() != null || stretch.entries() == 0) {
                    return Uni.createFrom().item(new CheckpointRun(false, start.afterSeq(), stretch.entries(), stretch.firstBreak(),
                            start.rejected()));
                }
                OffsetDateTime at = CountyTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                String signature = signer.sign(county, stretch.lastSeq(), stretch.lastHash(), at);
                return NativeSql.update("""
                                insert into funds.audit_checkpoint (county, seq, hash, at, key_id, signature)
                                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""",
                                county, stretch.lastSeq(), stretch.lastHash(), at, signer.keyId(), signature)
                        .map(inserted -> new CheckpointRun(inserted == 1, stretch.lastSeq(), stretch.entries(), null, start.rejected()));
            });
        }).map(Reply::ok);
    }

    /** The newest checkpoint this function's key signed, the entry it names still carrying the hash it signed. */
    Uni<Start> newestTrusted(String county) {
        return NativeSql.select("""
                        select seq, hash, at, key_id, signature from funds.audit_checkpoint
                        where county = ?1 order by seq desc""" + " limit " + CHECKPOINTS_TRIED_MAX, county)
                .flatMap(rows -> {
                    List<RejectedCheckpoint> rejected = new ArrayList<>();
                    for (SqlRow r : rows) {
                        long seq = r.number("seq");
                        String hash = r.text("hash");
                        OffsetDateTime at = r.time("at");
                        String keyId = r.text("key_id");
                        if (signer.verifies(county, seq, hash, at, keyId, r.text("signature"))) {
                            return trusted(county, new Checkpoint(seq, hash, Canonical.time(at), keyId), List.copyOf(rejected));
                        }
                        rejected.add(new RejectedCheckpoint(seq, !signer.hasKey() ? "NO_KEY"
                                : signer.keyId().equals(keyId) ? "BAD_SIGNATURE" : "UNKNOWN_KEY"));
                    }
                    return Uni.createFrom().item(new Start(null, 0, Canonical.GENESIS_HASH, List.copyOf(rejected), null));
                });
    }

    private static Uni<Start> trusted(String county, Checkpoint checkpoint, List<RejectedCheckpoint> rejected) {
        return NativeSql.selectOne("select hash from funds.audit_entry where county = ?1 and seq = ?2", county, checkpoint.seq())
                .map(entry -> {
                    Break found = entry.isEmpty()
                            ? new Break("MISSING_ENTRY", checkpoint.seq(), null, "the entry a signed checkpoint names is missing")
                            : !checkpoint.hash().equals(entry.get().text("hash"))
                            ? new Break("ENTRY_ALTERED", checkpoint.seq(), null, "the entry's hash differs from the signed checkpoint's")
                            : null;
                    return new Start(checkpoint, checkpoint.seq(), checkpoint.hash(), rejected, found);
                });
    }
}
