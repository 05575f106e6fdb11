package cn.yiyang.funds.audit;

import cn.yiyang.funds.audit.AuditRequests.EntriesAfter;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /v1/audit/verify}: walks the county's chain, recomputing every hash, and holds rows against
 * the facts their entries recorded. By default it starts at the newest signed checkpoint that verifies
 * ({@link AuditCheckpoints}) and walks only the entries after it, holding the transfers and resolutions
 * those entries recorded. {@code ?full=true} (auditors) walks from the first entry and then holds every
 * transfer, resolution, batch and settlement row and every balance against the trail, as does a walk that
 * finds no checkpoint. A call walks at most {@link #ENTRIES_PER_CALL_MAX} entries ({@code maxEntries} fewer):
 * past that it answers {@code complete=false} and the {@code resumeAfterSeq} to pass as {@code fromSeq}.
 * Answers the first break it finds.
 */
@ApplicationScoped
public class AuditVerifier {

    public static final int PAGE_ROWS = AuditChain.PAGE_ROWS;
    /** Entries one call walks: bounds the cost of a call whatever the chain's length. */
    public static final long ENTRIES_PER_CALL_MAX = 10_000;
    /** Batches of one county verification reads: twelve months, two kinds, a few attempts each, for decades. */
    public static final int BATCHES_MAX = 100_000;

    @RegisterForReflection
    public record Break(String kind, @Nullable Long seq, @Nullable String subjectId, String detail) {
    }

    /**
     * {@code valid}: the walk reached the head ({@code complete}) and found no break. {@code walkedAfterSeq}:
     * where the walk started (the checkpoint's seq, the resume position, or 0).
     */
    @RegisterForReflection
    public record Verification(boolean valid, long entriesChecked, long transfersChecked, long resolutionsChecked,
                               long settlementsChecked, long accountsChecked, @Nullable String headHash,
                               @Nullable Break firstBreak, long batchesChecked, boolean full, boolean complete,
                               long walkedAfterSeq, @Nullable Long resumeAfterSeq,
                               @Nullable AuditCheckpoints.Checkpoint checkpoint,
                               List<AuditCheckpoints.RejectedCheckpoint> rejectedCheckpoints) {
    }

    /** The stretch of entries whose rows an incremental call holds against them. */
    private record Tail(long afterSeq, long lastSeq) {
    }

    private final AuditCheckpoints checkpoints;

    public AuditVerifier(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    public Uni<Reply> verify(Caller caller, AuditRequests.Verify request) {
        boolean full = Boolean.TRUE.equals(request.full());
        if (full && !caller.has(Role.AUDITOR)) {
            throw new ApiException(CommonProblem.FORBIDDEN, "Only auditors walk the whole chain");
        }
        long maxEntries = entriesBudget(request.maxEntries());
        String county = caller.county();
        Uni<AuditCheckpoints.Start> start = request.fromSeq() != null ? resumeAt(county, request.fromSeq())
                : full ? Uni.createFrom().item(AuditCheckpoints.Start.genesis()) : checkpoints.newestTrusted(county);
        return start.flatMap(s -> {
            if (s.firstBreak() != null) {
                return Uni.createFrom().item(new Verification(false, 0, 0, 0, 0, 0, null, s.firstBreak(), 0, full, true,
                        s.afterSeq(), null, s.checkpoint(), s.rejected()));
            }
            boolean wholeLedger = full || (request.fromSeq() == null && s.checkpoint() == null);
            return AuditChain.walk(county, s.afterSeq(), s.previousHash(), maxEntries)
                    .flatMap(stretch -> rows(county, wholeLedger, s, stretch, full));
        }).map(Reply::ok);
    }

    private Uni<Verification> rows(String county, boolean wholeLedger, AuditCheckpoints.Start start, AuditChain.Stretch stretch,
                                   boolean full) {
        Long resume = stretch.complete() ? null : stretch.lastSeq();
        if (stretch.firstBreak() != null || (wholeLedger && !stretch.complete())) {
            return Uni.createFrom().item(new Verification(false, stretch.entries(), 0, 0, 0, 0, stretch.lastHash(),
                    stretch.firstBreak(), 0, full, stretch.complete(), start.afterSeq(), resume, start.checkpoint(), start.rejected()));
        }
        long[] n = new long[CHECKED_KINDS];
        Tail tail = new Tail(start.afterSeq(), stretch.lastSeq());
        // each kind of row is proved before the rows proved against it: a batch's items (by the hash in
        // its entry) before the transfers that pay them
        List<Supplier<Uni<Checked>>> checks = wholeLedger ? List.of(
                () -> counted(n, TRANSFERS, transfers(county, null, 0, null)),
                () -> counted(n, RESOLUTIONS, resolutions(county, null)),
                () -> counted(n, BATCHES, batches(county)),
                () -> counted(n, TRANSFERS, BatchTransferChecks.transfers(county).map(r -> new Checked(r.count(), r.firstBreak()))),
                () -> counted(n, RESOLUTIONS, BatchTransferChecks.resolutions(county).map(r -> new Checked(r.count(), r.firstBreak()))),
                () -> counted(n, SETTLEMENTS, settlements(county)),
                () -> counted(n, ACCOUNTS, balances(county)))
                : List.of(
                () -> counted(n, TRANSFERS, transfers(county, null, 0, tail)),
                () -> counted(n, RESOLUTIONS, resolutions(county, tail)));
        return firstBreak(checks, 0).map(found -> new Verification(found == null && stretch.complete(), stretch.entries(),
                n[TRANSFERS], n[RESOLUTIONS], n[SETTLEMENTS], n[ACCOUNTS], stretch.lastHash(), found, n[BATCHES], full,
                stretch.complete(), start.afterSeq(), resume, start.checkpoint(), start.rejected()));
    }

    private static long entriesBudget(Integer maxEntries) {
        if (maxEntries == null) {
            return ENTRIES_PER_CALL_MAX;
        }
        if (maxEntries < 1 || maxEntries > ENTRIES_PER_CALL_MAX) {
            throw ApiException.invalid("maxEntries", "OUT_OF_RANGE", "1 to " + ENTRIES_PER_CALL_MAX + " entries");
        }
        return maxEntries;
    }

    /** Carries on after an entry a previous call reached: its stored hash is where that call's walk ended. */
    private static Uni<AuditCheckpoints.Start> resumeAt(String county, long fromSeq) {
        if (fromSeq < 0) {
            throw ApiException.invalid("fromSeq", "OUT_OF_RANGE", "A sequence number the trail holds");
        }
        if (fromSeq == 0) {
            return Uni.createFrom().item(AuditCheckpoints.Start.genesis());
        }
        return NativeSql.first("select hash from funds.audit_entry where county = ?1 and seq = ?2", county, fromSeq)
                .map(entry -> new AuditCheckpoints.Start(null, fromSeq, NativeSql.text(entry.orElseThrow(() ->
                        ApiException.invalid("fromSeq", "NO_SUCH_ENTRY", "A sequence number the trail holds"))[0]), List.of(), null));
    }

    private static final int TRANSFERS = 0;
    private static final int RESOLUTIONS = 1;
    private static final int BATCHES = 2;
    private static final int SETTLEMENTS = 3;
    private static final int ACCOUNTS = 4;
    private static final int CHECKED_KINDS = 5;

    private static Uni<Checked> counted(long[] n, int kind, Uni<Checked> check) {
        return check.invoke(c -> n[kind] += c.count());
    }

    private static Uni<Break> firstBreak(List<Supplier<Uni<Checked>>> checks, int index) {
        if (index >= checks.size()) {
            return Uni.createFrom().nullItem();
        }
        return checks.get(index).get().flatMap(c -> c.firstBreak() != null ? Uni.createFrom().item(c.firstBreak())
                : firstBreak(checks, index + 1));
    }

    private record Checked(long count, Break firstBreak) {
    }

    /**
     * Each transfer row against the facts its TRANSFER_CREATED entry recorded: every transfer of the county,
     * or ({@code tail}) those whose entry lies in the stretch just walked, found from the entries.
     */
    private Uni<Checked> transfers(String county, String afterId, long checked, Tail tail) {
        String columns = """
                select t.id::text, t.client_key, t.fund_line_id::text, t.debit_account_id::text, t.credit_account_id::text,
                       t.amount_fen, t.kind, t.reverses_id::text, t.cause_type, t.cause_ref, t.memo, t.maker,
                       t.required_approvals, t.created_at, t.expires_at,""";
        Uni<List<Object[]>> page = tail == null ? NativeSql.rows(columns + """
                               (select a.payload from funds.audit_entry a where a.county = t.county and a.subject_id = t.id::text
                                  and a.action = 'TRANSFER_CREATED' order by a.seq limit 1)
                        from funds.transfer t where t.county = ?1 and t.batch_id is null and t.id::text > ?2
                        order by t.id::text """ + " limit " + PAGE_ROWS,
                        county, afterId == null ? "" : afterId)
                : NativeSql.rows(columns + """
                               a.payload
                        from funds.audit_entry a
                        join funds.transfer t on t.id = case when a.action = 'TRANSFER_CREATED' then cast(a.subject_id as uuid) end
                        where a.county = ?1 and a.action = 'TRANSFER_CREATED' and a.seq > ?3 and a.seq <= ?4
                          and t.batch_id is null and t.id::text > ?2
                        order by t.id::text """ + " limit " + PAGE_ROWS,
                        county, afterId == null ? "" : afterId, tail.afterSeq(), tail.lastSeq());
        return page
                .flatMap(rows -> {
                    long count = checked;
                    for (Object[] r : rows) {
                        Map<String, Object> facts = new LinkedHashMap<>();
                        facts.put("id", NativeSql.text(r[0]));
                        facts.put("clientKey", NativeSql.text(r[1]));
                        facts.put("fundLineId", NativeSql.text(r[2]));
                        facts.put("debitAccountId", NativeSql.text(r[3]));
                        facts.put("creditAccountId", NativeSql.text(r[4]));
                        facts.put("amountFen", NativeSql.number(r[5]));
                        facts.put("kind", NativeSql.text(r[6]));
                        facts.put("reversesId", NativeSql.text(r[7]));
                        facts.put("causeType", NativeSql.text(r[8]));
                        facts.put("causeRef", NativeSql.text(r[9]));
                        facts.put("memo", NativeSql.text(r[10]));
                        facts.put("maker", NativeSql.text(r[11]));
                        facts.put("requiredApprovals", (int) NativeSql.number(r[12]));
                        facts.put("createdAt", Canonical.time(NativeSql.time(r[13])));
                        facts.put("expiresAt", Canonical.time(NativeSql.time(r[14])));
                        String recorded = NativeSql.text(r[15]);
                        if (recorded == null) {
                            return Uni.createFrom().item(new Checked(count, new Break("UNAUDITED_TRANSFER", null,
                                    NativeSql.text(r[0]), "no audit entry records this transfer's creation")));
                        }
                        if (!Canonical.json(facts).equals(recorded)) {
                            return Uni.createFrom().item(new Checked(count, new Break("TRANSFER_ALTERED", null,
                                    NativeSql.text(r[0]), "the transfer row differs from what the audit trail recorded")));
                        }
                        count++;
                    }
                    if (rows.size() < PAGE_ROWS) {
                        return Uni.createFrom().item(new Checked(count, null));
                    }
                    return transfers(county, NativeSql.text(rows.get(rows.size() - 1)[0]), count, tail);
                });
    }

    /**
     * Each resolution row against its TRANSFER_<OUTCOME> entry: every resolution of the county, or
     * ({@code tail}) those the entries of the stretch just walked recorded, found from the entries (the
     * stretch bounds them, at most {@link #ENTRIES_PER_CALL_MAX}).
     */
    private Uni<Checked> resolutions(String county, Tail tail) {
        Uni<List<Object[]>> found = tail == null ? NativeSql.rows("""
                        select r.transfer_id::text, r.outcome, r.resolved_by, r.reason,
                               (select a.payload from funds.audit_entry a where a.county = r.county
                                  and a.subject_id = r.transfer_id::text and a.action = 'TRANSFER_' || r.outcome
                                order by a.seq limit 1)
                        from funds.transfer_resolution r join funds.transfer t on t.id = r.transfer_id
                        where r.county = ?1 and t.batch_id is null""", county)
                : NativeSql.rows("""
                        select t.id::text, r.outcome, r.resolved_by, r.reason, a.payload
                        from funds.audit_entry a
                        join funds.transfer t on t.id = case when a.action in ('TRANSFER_POSTED', 'TRANSFER_REJECTED',
                               'TRANSFER_VOIDED', 'TRANSFER_EXPIRED') then cast(a.subject_id as uuid) end
                        left join funds.transfer_resolution r on r.transfer_id = t.id
                        where a.county = ?1 and a.seq > ?2 and a.seq <= ?3 and t.batch_id is null
                          and a.action in ('TRANSFER_POSTED', 'TRANSFER_REJECTED', 'TRANSFER_VOIDED', 'TRANSFER_EXPIRED')""",
                        county, tail.afterSeq(), tail.lastSeq());
        return found
                .map(rows -> {
                    long count = 0;
                    for (Object[] r : rows) {
                        Map<String, Object> fact = new LinkedHashMap<>();
                        fact.put("outcome", NativeSql.text(r[1]));
                        fact.put("resolvedBy", NativeSql.text(r[2]));
                        fact.put("reason", NativeSql.text(r[3]));
                        if (r[4] == null || !Canonical.json(fact).equals(NativeSql.text(r[4]))) {
                            return new Checked(count, new Break("RESOLUTION_ALTERED", null, NativeSql.text(r[0]),
                                    "the resolution row differs from what the audit trail recorded"));
                        }
                        count++;
                    }
                    return new Checked(count, null);
                });
    }

    /**
     * Each batch row against its BATCH_CREATED entry, its items against the count and total that entry
     * recorded, and its resolution against its BATCH_<OUTCOME> entry.
     */
    private Uni<Checked> batches(String county) {
        return NativeSql.rows("""
                        select b.id::text, b.kind, b.fund_line_id::text, b.budget_account_id::text, b.month, b.attempt, b.policy_version,
                               b.policy, b.item_count, b.total_fen, b.required_approvals, b.maker, b.created_at,
                               (select count(*) from funds.batch_item i where i.batch_id = b.id),
                               (select coalesce(sum(i.amount_fen), 0) from funds.batch_item i where i.batch_id = b.id),
                               (select a.payload from funds.audit_entry a where a.county = b.county and a.subject_id = b.id::text
                                  and a.action = 'BATCH_CREATED' order by a.seq limit 1),
                               r.outcome, r.resolved_by, r.failed_seq, r.failure_code, r.reason,
                               (select a.payload from funds.audit_entry a where a.county = b.county and a.subject_id = b.id::text
                                  and a.action = 'BATCH_' || r.outcome order by a.seq limit 1),
                               funds.batch_items_hash(b.id),
                               case when r.outcome = 'POSTED' then funds.batch_transfers_hash(b.id) end
                        from funds.batch b left join funds.batch_resolution r on r.batch_id = b.id
                        where b.county = ?1 order by b.id""" + " limit " + (BATCHES_MAX + 1), county)
                .map(rows -> {
                    if (rows.size() > BATCHES_MAX) {
                        throw new IllegalStateException("more than " + BATCHES_MAX + " batches");
                    }
                    long count = 0;
                    for (Object[] r : rows) {
                        String id = NativeSql.text(r[0]);
                        Map<String, Object> facts = new LinkedHashMap<>();
                        facts.put("id", id);
                        facts.put("kind", NativeSql.text(r[1]));
                        facts.put("fundLineId", NativeSql.text(r[2]));
                        facts.put("budgetAccountId", NativeSql.text(r[3]));
                        facts.put("month", NativeSql.text(r[4]));
                        facts.put("attempt", NativeSql.number(r[5]));
                        facts.put("policyVersion", NativeSql.number(r[6]));
                        facts.put("policy", NativeSql.text(r[7]));
                        facts.put("itemCount", NativeSql.number(r[8]));
                        facts.put("totalFen", NativeSql.number(r[9]));
                        facts.put("requiredApprovals", NativeSql.number(r[10]));
                        facts.put("maker", NativeSql.text(r[11]));
                        facts.put("createdAt", Canonical.time(NativeSql.time(r[12])));
                        facts.put("itemsHash", NativeSql.text(r[22]));
                        if (r[15] == null || !Canonical.json(facts).equals(NativeSql.text(r[15]))
                                || NativeSql.number(r[13]) != NativeSql.number(r[8]) || NativeSql.number(r[14]) != NativeSql.number(r[9])) {
                            return new Checked(count, new Break("BATCH_ALTERED", null, id,
                                    "the batch or its items differ from what the audit trail recorded"));
                        }
                        if (r[16] != null) {
                            Map<String, Object> fact = new LinkedHashMap<>();
                            fact.put("outcome", NativeSql.text(r[16]));
                            fact.put("resolvedBy", NativeSql.text(r[17]));
                            fact.put("failedSeq", r[18] == null ? null : NativeSql.number(r[18]));
                            fact.put("failureCode", NativeSql.text(r[19]));
                            fact.put("reason", NativeSql.text(r[20]));
                            if (r[23] != null) {
                                fact.put("transfersHash", NativeSql.text(r[23]));
                            }
                            if (r[21] == null || !Canonical.json(fact).equals(NativeSql.text(r[21]))) {
                                return new Checked(count, new Break("BATCH_RESOLUTION_ALTERED", null, id,
                                        "the batch's resolution differs from what the audit trail recorded"));
                            }
                        }
                        count++;
                    }
                    return new Checked(count, null);
                });
    }

    /** Each settlement row (the counts behind a settled amount) and its meals or visits against its SETTLEMENT_RECORDED entry. */
    private Uni<Checked> settlements(String county) {
        return NativeSql.rows("""
                        select s.settlement_key, s.kind, s.period, fl.code, s.payee_ref, s.units, s.subsidised_units, s.amount_fen,
                               t.id::text,
                               (select a.payload from funds.audit_entry a where a.county = s.county and a.subject_id = s.settlement_key
                                  and a.action = 'SETTLEMENT_RECORDED' order by a.seq limit 1),
                               case when exists (select 1 from funds.settlement_item i where i.county = s.county
                                                   and i.settlement_key = s.settlement_key)
                                    then funds.settlement_items_hash(s.county, s.settlement_key) end,
                               s.supersedes
                        from funds.settlement s
                        join funds.transfer t on t.county = s.county and t.client_key = s.settlement_key
                        join funds.fund_line fl on fl.id = t.fund_line_id
                        where s.county = ?1""", county)
                .map(rows -> {
                    long count = 0;
                    for (Object[] r : rows) {
                        Map<String, Object> fact = new LinkedHashMap<>();
                        fact.put("kind", NativeSql.text(r[1]));
                        fact.put("period", NativeSql.text(r[2]));
                        fact.put("fundLine", NativeSql.text(r[3]));
                        fact.put("payeeRef", NativeSql.text(r[4]));
                        fact.put("units", NativeSql.number(r[5]));
                        fact.put("subsidisedUnits", NativeSql.number(r[6]));
                        fact.put("amountFen", NativeSql.number(r[7]));
                        fact.put("transferId", NativeSql.text(r[8]));
                        if (r[10] != null) {
                            // Settlements since the single meals and visits were kept (V7) recorded their hash.
                            fact.put("itemsHash", NativeSql.text(r[10]));
                        }
                        if (r[11] != null) {
                            fact.put("supersedes", NativeSql.text(r[11]));
                        }
                        if (r[9] == null || !Canonical.json(fact).equals(NativeSql.text(r[9]))) {
                            return new Checked(count, new Break("SETTLEMENT_ALTERED", null, NativeSql.text(r[0]),
                                    "the settlement row differs from what the audit trail recorded"));
                        }
                        count++;
                    }
                    return new Checked(count, null);
                });
    }

    /**
     * Each account's balances against the sums of its transfers, by their resolution. A batch being
     * posted reserved its whole total on its budget at approval: what its transfers made so far do
     * not yet account for is pending besides.
     */
    private Uni<Checked> balances(String county) {
        return NativeSql.rows("""
                        with moves as (
                          select t.debit_account_id as account_id,
                                 case when r.outcome is null then t.amount_fen else 0 end as debits_pending,
                                 case when r.outcome = 'POSTED' then t.amount_fen else 0 end as debits_posted,
                                 0::bigint as credits_pending, 0::bigint as credits_posted
                          from funds.transfer t left join funds.transfer_resolution r on r.transfer_id = t.id where t.county = ?1
                          union all
                          select t.credit_account_id, 0, 0,
                                 case when r.outcome is null then t.amount_fen else 0 end,
                                 case when r.outcome = 'POSTED' then t.amount_fen else 0 end
                          from funds.transfer t left join funds.transfer_resolution r on r.transfer_id = t.id where t.county = ?1
                          union all
                          select b.budget_account_id, cast(b.total_fen
                                 - coalesce((select sum(t.amount_fen) from funds.transfer t where t.batch_id = b.id), 0) as bigint), 0, 0, 0
                          from funds.batch b join funds.batch_posting p on p.batch_id = b.id
                          where b.county = ?1 and not exists (select 1 from funds.batch_resolution r where r.batch_id = b.id)),
                        sums as (select account_id, sum(debits_pending) dp, sum(debits_posted) dd, sum(credits_pending) cp,
                                        sum(credits_posted) cd from moves group by account_id)
                        select a.id::text, (b.debits_pending = coalesce(s.dp, 0) and b.debits_posted = coalesce(s.dd, 0)
                                 and b.credits_pending = coalesce(s.cp, 0) and b.credits_posted = coalesce(s.cd, 0))
                        from funds.account a join funds.account_balance b on b.account_id = a.id
                        left join sums s on s.account_id = a.id where a.county = ?1 order by a.id""", county)
                .map(rows -> {
                    long count = 0;
                    for (Object[] r : rows) {
                        if (!NativeSql.bool(r[1])) {
                            return new Checked(count, new Break("BALANCE_MISMATCH", null, NativeSql.text(r[0]),
                                    "the account's balances differ from the sums of its transfers"));
                        }
                        count++;
                    }
                    return new Checked(count, null);
                });
    }

    @RegisterForReflection
    public record Entry(long seq, String at, String actor, String action, String subjectType, String subjectId,
                        String payload, String prevHash, String hash) {
    }

    @RegisterForReflection
    public record EntryPage(List<Entry> items) {
    }

    public static final int ENTRY_PAGE_SIZE_MAX = 500;

    /** {@code GET /v1/audit?afterSeq=}: the trail itself, for an auditor to verify independently. */
    public Uni<Reply> list(Caller caller, EntriesAfter request) {
        long after;
        try {
            after = Long.parseLong(request.afterSeq() == null ? "0" : request.afterSeq());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("afterSeq", "BAD_NUMBER", "A sequence number");
        }
        return NativeSql.rows("""
                        select seq, at, actor, action, subject_type, subject_id, payload, prev_hash, hash
                        from funds.audit_entry where county = ?1 and seq > ?2 order by seq """ + " limit " + ENTRY_PAGE_SIZE_MAX,
                        caller.county(), after)
                .map(rows -> Reply.ok(new EntryPage(rows.stream().map(r -> new Entry(NativeSql.number(r[0]),
                        Canonical.time(NativeSql.time(r[1])), NativeSql.text(r[2]), NativeSql.text(r[3]), NativeSql.text(r[4]),
                        NativeSql.text(r[5]), NativeSql.text(r[6]), NativeSql.text(r[7]), NativeSql.text(r[8]))).toList())));
    }
}
