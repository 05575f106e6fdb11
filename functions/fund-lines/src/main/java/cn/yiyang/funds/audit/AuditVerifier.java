package cn.yiyang.funds.audit;

import cn.yiyang.funds.audit.AuditRequests.EntriesAfter;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
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
            boolean fromGenesis = request.fromSeq() == null && s.checkpoint() == null;
            // The whole-ledger checks run where a walk reaches the head having seen every entry: the full walk's
            // last call, or a walk from the first entry that fits in one call. Any other call holds the rows of
            // its own stretch to their entries, so a walk resumed call by call checks every row once.
            return AuditChain.walk(county, s.afterSeq(), s.previousHash(), maxEntries)
                    .flatMap(stretch -> rows(county, full || (fromGenesis && stretch.complete()), s, stretch, full));
        }).map(Reply::ok);
    }

    private Uni<Verification> rows(String county, boolean wholeLedger, AuditCheckpoints.Start start, AuditChain.Stretch stretch,
                                   boolean full) {
        Long resume = stretch.complete() ? null : stretch.lastSeq();
        if (stretch.firstBreak() != null || (full && !stretch.complete())) {
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
        return NativeSql.selectOne("select hash from funds.audit_entry where county = ?1 and seq = ?2", county, fromSeq)
                .map(entry -> new AuditCheckpoints.Start(null, fromSeq, entry.orElseThrow(() ->
                        ApiException.invalid("fromSeq", "NO_SUCH_ENTRY", "A sequence number the trail holds")).text("hash"), List.of(), null));
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
                select t.id::text as id, t.client_key, t.fund_line_id::text as fund_line_id,
                       t.debit_account_id::text as debit_account_id, t.credit_account_id::text as credit_account_id,
                       t.amount_fen, t.kind, t.reverses_id::text as reverses_id, t.cause_type, t.cause_ref, t.memo, t.maker,
                       t.required_approvals, t.created_at, t.expires_at,""";
        Uni<List<SqlRow>> page = tail == null ? NativeSql.select(columns + """
                               (select a.payload from funds.audit_entry a where a.county = t.county and a.subject_id = t.id::text
                                  and a.action = 'TRANSFER_CREATED' order by a.seq limit 1) as payload
                        from funds.transfer t where t.county = ?1 and t.batch_id is null and t.id::text > ?2
                        order by t.id::text """ + " limit " + PAGE_ROWS,
                        county, afterId == null ? "" : afterId)
                : NativeSql.select(columns + """
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
                    for (SqlRow r : rows) {
                        Map<String, Object> facts = new LinkedHashMap<>();
                        facts.put("id", r.text("id"));
                        facts.put("clientKey", r.text("client_key"));
                        facts.put("fundLineId", r.text("fund_line_id"));
                        facts.put("debitAccountId", r.text("debit_account_id"));
                        facts.put("creditAccountId", r.text("credit_account_id"));
                        facts.put("amountFen", r.fen("amount_fen"));
                        facts.put("kind", r.text("kind"));
                        facts.put("reversesId", r.text("reverses_id"));
                        facts.put("causeType", r.text("cause_type"));
                        facts.put("causeRef", r.text("cause_ref"));
                        facts.put("memo", r.text("memo"));
                        facts.put("maker", r.text("maker"));
                        facts.put("requiredApprovals", (int) r.number("required_approvals"));
                        facts.put("createdAt", Canonical.time(r.time("created_at")));
                        facts.put("expiresAt", Canonical.time(r.time("expires_at")));
                        String recorded = r.text("payload");
                        if (recorded == null) {
                            return Uni.createFrom().item(new Checked(count, new Break("UNAUDITED_TRANSFER", null,
                                    r.text("id"), "no audit entry records this transfer's creation")));
                        }
                        if (!Canonical.json(facts).equals(recorded)) {
                            return Uni.createFrom().item(new Checked(count, new Break("TRANSFER_ALTERED", null,
                                    r.text("id"), "the transfer row differs from what the audit trail recorded")));
                        }
                        count++;
                    }
                    if (rows.size() < PAGE_ROWS) {
                        return Uni.createFrom().item(new Checked(count, null));
                    }
                    return transfers(county, rows.get(rows.size() - 1).text("id"), count, tail);
                });
    }

    /**
     * Each resolution row against its TRANSFER_<OUTCOME> entry: every resolution of the county, or
     * ({@code tail}) those the entries of the stretch just walked recorded, found from the entries (the
     * stretch bounds them, at most {@link #ENTRIES_PER_CALL_MAX}).
     */
    private Uni<Checked> resolutions(String county, Tail tail) {
        Uni<List<SqlRow>> found = tail == null ? NativeSql.select("""
                        select r.transfer_id::text as transfer_id, r.outcome, r.resolved_by, r.reason,
                               (select a.payload from funds.audit_entry a where a.county = r.county
                                  and a.subject_id = r.transfer_id::text and a.action = 'TRANSFER_' || r.outcome
                                order by a.seq limit 1) as payload
                        from funds.transfer_resolution r join funds.transfer t on t.id = r.transfer_id
                        where r.county = ?1 and t.batch_id is null""", county)
                : NativeSql.select("""
                        select t.id::text as transfer_id, r.outcome, r.resolved_by, r.reason, a.payload
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
                    for (SqlRow r : rows) {
                        Map<String, Object> fact = new LinkedHashMap<>();
                        fact.put("outcome", r.text("outcome"));
                        fact.put("resolvedBy", r.text("resolved_by"));
                        fact.put("reason", r.text("reason"));
                        if (r.isNull("payload") || !Canonical.json(fact).equals(r.text("payload"))) {
                            return new Checked(count, new Break("RESOLUTION_ALTERED", null, r.text("transfer_id"),
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
        return NativeSql.select("""
                        select b.id::text as id, b.kind, b.fund_line_id::text as fund_line_id,
                               b.budget_account_id::text as budget_account_id, b.month, b.attempt, b.policy_version,
                               b.policy, b.item_count, b.total_fen, b.required_approvals, b.maker, b.created_at,
                               (select count(*) from funds.batch_item i where i.batch_id = b.id) as items_counted,
                               (select coalesce(sum(i.amount_fen), 0) from funds.batch_item i where i.batch_id = b.id) as items_total_fen,
                               (select a.payload from funds.audit_entry a where a.county = b.county and a.subject_id = b.id::text
                                  and a.action = 'BATCH_CREATED' order by a.seq limit 1) as created_payload,
                               r.outcome, r.resolved_by, r.failed_seq, r.failure_code, r.reason,
                               (select a.payload from funds.audit_entry a where a.county = b.county and a.subject_id = b.id::text
                                  and a.action = 'BATCH_' || r.outcome order by a.seq limit 1) as resolved_payload,
                               funds.batch_items_hash(b.id) as items_hash,
                               case when r.outcome = 'POSTED' then funds.batch_transfers_hash(b.id) end as transfers_hash
                        from funds.batch b left join funds.batch_resolution r on r.batch_id = b.id
                        where b.county = ?1 order by b.id""" + " limit " + (BATCHES_MAX + 1), county)
                .map(rows -> {
                    if (rows.size() > BATCHES_MAX) {
                        throw new IllegalStateException("more than " + BATCHES_MAX + " batches");
                    }
                    long count = 0;
                    for (SqlRow r : rows) {
                        String id = r.text("id");
                        Map<String, Object> facts = new LinkedHashMap<>();
                        facts.put("id", id);
                        facts.put("kind", r.text("kind"));
                        facts.put("fundLineId", r.text("fund_line_id"));
                        facts.put("budgetAccountId", r.text("budget_account_id"));
                        facts.put("month", r.text("month"));
                        facts.put("attempt", r.number("attempt"));
                        facts.put("policyVersion", r.number("policy_version"));
                        facts.put("policy", r.text("policy"));
                        facts.put("itemCount", r.number("item_count"));
                        facts.put("totalFen", r.fen("total_fen"));
                        facts.put("requiredApprovals", r.number("required_approvals"));
                        facts.put("maker", r.text("maker"));
                        facts.put("createdAt", Canonical.time(r.time("created_at")));
                        facts.put("itemsHash", r.text("items_hash"));
                        if (r.isNull("created_payload") || !Canonical.json(facts).equals(r.text("created_payload"))
                                || r.number("items_counted") != r.number("item_count") || r.fen("items_total_fen") != r.fen("total_fen")) {
                            return new Checked(count, new Break("BATCH_ALTERED", null, id,
                                    "the batch or its items differ from what the audit trail recorded"));
                        }
                        if (!r.isNull("outcome")) {
                            Map<String, Object> fact = new LinkedHashMap<>();
                            fact.put("outcome", r.text("outcome"));
                            fact.put("resolvedBy", r.text("resolved_by"));
                            fact.put("failedSeq", r.isNull("failed_seq") ? null : r.number("failed_seq"));
                            fact.put("failureCode", r.text("failure_code"));
                            fact.put("reason", r.text("reason"));
                            if (!r.isNull("transfers_hash")) {
                                fact.put("transfersHash", r.text("transfers_hash"));
                            }
                            if (r.isNull("resolved_payload") || !Canonical.json(fact).equals(r.text("resolved_payload"))) {
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
        return NativeSql.select("""
                        select s.settlement_key, s.kind, s.period, fl.code, s.payee_ref, s.units, s.subsidised_units, s.amount_fen,
                               t.id::text as transfer_id,
                               (select a.payload from funds.audit_entry a where a.county = s.county and a.subject_id = s.settlement_key
                                  and a.action = 'SETTLEMENT_RECORDED' order by a.seq limit 1) as payload,
                               case when exists (select 1 from funds.settlement_item i where i.county = s.county
                                                   and i.settlement_key = s.settlement_key)
                                    then funds.settlement_items_hash(s.county, s.settlement_key) end as items_hash,
                               s.supersedes
                        from funds.settlement s
                        join funds.transfer t on t.county = s.county and t.client_key = s.settlement_key
                        join funds.fund_line fl on fl.id = t.fund_line_id
                        where s.county = ?1""", county)
                .map(rows -> {
                    long count = 0;
                    for (SqlRow r : rows) {
                        Map<String, Object> fact = new LinkedHashMap<>();
                        fact.put("kind", r.text("kind"));
                        fact.put("period", r.text("period"));
                        fact.put("fundLine", r.text("code"));
                        fact.put("payeeRef", r.text("payee_ref"));
                        fact.put("units", r.number("units"));
                        fact.put("subsidisedUnits", r.number("subsidised_units"));
                        fact.put("amountFen", r.fen("amount_fen"));
                        fact.put("transferId", r.text("transfer_id"));
                        if (!r.isNull("items_hash")) {
                            // Settlements since the single meals and visits were kept (V7) recorded their hash.
                            fact.put("itemsHash", r.text("items_hash"));
                        }
                        if (!r.isNull("supersedes")) {
                            fact.put("supersedes", r.text("supersedes"));
                        }
                        if (r.isNull("payload") || !Canonical.json(fact).equals(r.text("payload"))) {
                            return new Checked(count, new Break("SETTLEMENT_ALTERED", null, r.text("settlement_key"),
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
        return NativeSql.select("""
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
                        select a.id::text as id, (b.debits_pending = coalesce(s.dp, 0) and b.debits_posted = coalesce(s.dd, 0)
                                 and b.credits_pending = coalesce(s.cp, 0) and b.credits_posted = coalesce(s.cd, 0)) as matches
                        from funds.account a join funds.account_balance b on b.account_id = a.id
                        left join sums s on s.account_id = a.id where a.county = ?1 order by a.id""", county)
                .map(rows -> {
                    long count = 0;
                    for (SqlRow r : rows) {
                        if (!r.bool("matches")) {
                            return new Checked(count, new Break("BALANCE_MISMATCH", null, r.text("id"),
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
        return NativeSql.select("""
                        select seq, at, actor, action, subject_type, subject_id, payload, prev_hash, hash
                        from funds.audit_entry where county = ?1 and seq > ?2 order by seq """ + " limit " + ENTRY_PAGE_SIZE_MAX,
                        caller.county(), after)
                .map(rows -> Reply.ok(new EntryPage(rows.stream().map(r -> new Entry(r.number("seq"), Canonical.time(r.time("at")),
                        r.text("actor"), r.text("action"), r.text("subject_type"), r.text("subject_id"), r.text("payload"),
                        r.text("prev_hash"), r.text("hash"))).toList())));
    }
}
