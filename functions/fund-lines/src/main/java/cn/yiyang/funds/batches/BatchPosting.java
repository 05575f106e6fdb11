package cn.yiyang.funds.batches;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.lines.FundSettings;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgOperations;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Posting an approved batch, set-based. The approval that completes a batch checks it once (no item
 * paid before, the budget covers the whole total), reserves the whole total on the budget and
 * starts the posting. Each step, a transaction of its own, makes the next {@value #STEP_ITEMS}
 * items' transfers PENDING (with the batch's approvals as theirs); the last step posts them all at
 * once: their resolutions, the payees' and the budget's balances, the batch's resolution and its one
 * audit entry. A crash between steps leaves pending transfers and nothing posted; the next step
 * carries on from the progress its predecessor committed, so every item is made exactly once (its
 * client key is unique besides). A batch of at most {@value #INLINE_ITEMS_MAX} items is posted by
 * its approval itself, in the approval's transaction.
 */
@ApplicationScoped
public class BatchPosting {

    /** Items whose transfers one step makes, in one transaction. */
    public static final int STEP_ITEMS = 10_000;
    /** A batch this small posts within the approval that completes it. */
    public static final int INLINE_ITEMS_MAX = 1_000;
    /** Batches of one county one run of the job takes up. */
    public static final int BATCHES_PER_RUN_MAX = 10;
    /** A run of the job stops starting steps after this long (a Lambda has 15 minutes); the next run goes on. */
    public static final int RUN_SECONDS_MAX = 300;

    private final PgOperations pg;
    private final AuditTrail audit;
    private final BatchCreation creations;
    private final Clock clock;

    public BatchPosting(PgOperations pg, AuditTrail audit, BatchCreation creations, Clock clock) {
        this.pg = pg;
        this.audit = audit;
        this.creations = creations;
        this.clock = clock;
    }

    @RegisterForReflection
    public record Progress(UUID batchId, BatchStatus status, int itemsDone, int itemsTotal) {
    }

    @RegisterForReflection
    public record Run(List<Progress> batches) {
    }

    /**
     * In the completing approval's transaction, after its checks: the whole total reserved on the
     * budget, the posting recorded and audited; a small batch is posted right here.
     */
    Uni<Void> start(Batch b, List<String> approvers, OffsetDateTime now) {
        String approver = approvers.get(approvers.size() - 1);
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("approvers", String.join(",", approvers));
        fact.put("itemCount", b.itemCount());
        fact.put("reservedFen", b.totalFen());
        return NativeSql.write("""
                        update funds.account_balance set debits_pending = debits_pending + ?2
                        where account_id = ?1 and debits_posted + debits_pending + ?2 <= credits_posted""",
                        b.budgetAccountId(), b.totalFen())
                .map(updated -> {
                    if (updated != 1) {
                        throw new IllegalStateException("batch " + b.id() + ": the budget checked under lock cannot be reserved");
                    }
                    return updated;
                })
                .flatMap(v -> NativeSql.write("""
                                insert into funds.batch_posting (batch_id, county, approvers, items_total, items_done, state, approved_at,
                                  updated_at)
                                values (?1, ?2, ?3, ?4, 0, 'POSTING', ?5, ?5)""",
                        b.id(), b.county(), String.join(",", approvers), b.itemCount(), now))
                .flatMap(v -> audit.append(b.county(), approver, "BATCH_POSTING", "BATCH", b.id().toString(), fact, now))
                .flatMap(v -> b.itemCount() <= INLINE_ITEMS_MAX ? toTheEnd(b.county(), b.id()) : Uni.createFrom().voidItem());
    }

    private Uni<Void> toTheEnd(String county, UUID batch) {
        return step(county, batch).flatMap(more -> more ? toTheEnd(county, batch) : Uni.createFrom().voidItem());
    }

    /**
     * One step, in the caller's transaction, under the batch's lock: the next items' transfers, or, once
     * every item has one, the posting itself. Answers whether the batch is still POSTING afterwards.
     */
    public Uni<Boolean> step(String county, UUID batch) {
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-batch:' || ?1, 0)) as locked", batch.toString())
                .flatMap(v -> NativeSql.selectOne("""
                        select items_done, items_total, state, approvers from funds.batch_posting
                        where batch_id = ?1 and county = ?2""", batch, county))
                .flatMap(row -> {
                    if (row.isEmpty() || !"POSTING".equals(row.get().text("state"))) {
                        return Uni.createFrom().item(false);
                    }
                    int done = (int) row.get().number("items_done");
                    int total = (int) row.get().number("items_total");
                    List<String> approvers = List.of(row.get().text("approvers").split(","));
                    OffsetDateTime now = CountyTime.now(clock);
                    return BatchQueries.find(county, batch).flatMap(b -> done < total
                            ? makeTransfers(b, done, Math.min(total, done + STEP_ITEMS), approvers.size(), now).replaceWith(true)
                            : post(b, approvers.get(approvers.size() - 1), now).replaceWith(false));
                });
    }

    /** Items (from, to]: their PENDING transfers under their keys, the payees' pending credits, the batch's approvals. */
    private Uni<Void> makeTransfers(Batch b, int from, int to, int approvals, OffsetDateTime now) {
        String memo = switch (b.kind()) {
            case ALLOWANCE -> "高龄津贴 ";
            case BED -> "床位运营补贴 ";
            case CAREGIVER_POST -> "护理员岗位津贴 ";
        } + b.month();
        return FundSettings.of(b.county()).flatMap(settings -> NativeSql.write("""
                        insert into funds.transfer (id, county, client_key, fund_line_id, debit_account_id, credit_account_id,
                          amount_fen, kind, cause_type, cause_ref, memo, maker, required_approvals, created_at, expires_at, batch_id)
                        select gen_random_uuid(), b.county, i.client_key, b.fund_line_id, b.budget_account_id, i.payee_account_id,
                               i.amount_fen, 'PAYMENT', i.cause_type, i.cause_ref, ?4, b.maker,
                               least(?5, case when i.amount_fen > ?6 then 2 else 1 end), ?7, ?8, b.id
                        from funds.batch_item i join funds.batch b on b.id = i.batch_id
                        where i.batch_id = ?1 and i.seq > ?2 and i.seq <= ?3""",
                        b.id(), from, to, memo, approvals, settings.dualApprovalAboveFen(), now,
                        now.plusHours(settings.pendingExpiryHours()))
                .map(made -> {
                    if (made != to - from) {
                        throw new IllegalStateException("batch " + b.id() + ": " + made + " transfers for items " + from + ".." + to);
                    }
                    return made;
                }))
                .flatMap(v -> NativeSql.select("""
                        select 1 from funds.account_balance where account_id in
                          (select payee_account_id from funds.batch_item where batch_id = ?1 and seq > ?2 and seq <= ?3)
                        order by account_id for update""", b.id(), from, to))
                .flatMap(v -> NativeSql.write("""
                        update funds.account_balance ab set credits_pending = ab.credits_pending + s.amount
                        from (select payee_account_id, sum(amount_fen) as amount from funds.batch_item
                              where batch_id = ?1 and seq > ?2 and seq <= ?3 group by payee_account_id) s
                        where ab.account_id = s.payee_account_id""", b.id(), from, to))
                .flatMap(v -> NativeSql.write("""
                        insert into funds.transfer_approval (transfer_id, approver, approved_at)
                        select t.id, a.approver, a.approved_at
                        from funds.batch_item i join funds.transfer t on t.county = ?4 and t.client_key = i.client_key
                        join (select ba.approver, ba.approved_at,
                                     row_number() over (order by ba.approved_at desc, ba.approver desc) as latest
                              from funds.batch_approval ba where ba.batch_id = ?1) a on a.latest <= t.required_approvals
                        where i.batch_id = ?1 and i.seq > ?2 and i.seq <= ?3""", b.id(), from, to, b.county()))
                .flatMap(v -> NativeSql.write(
                        "update funds.batch_posting set items_done = ?2, updated_at = ?3 where batch_id = ?1", b.id(), to, now))
                .replaceWithVoid();
    }

    /** Every item has its transfer: all of them post at once, with the batch. */
    private Uni<Void> post(Batch b, String approver, OffsetDateTime now) {
        return NativeSql.write("""
                        insert into funds.transfer_resolution (transfer_id, county, outcome, resolved_by, reason, resolved_at)
                        select t.id, t.county, 'POSTED', ?2, null, ?3 from funds.transfer t where t.batch_id = ?1""",
                        b.id(), approver, now)
                .map(posted -> {
                    if (posted != b.itemCount()) {
                        throw new IllegalStateException("batch " + b.id() + ": " + posted + " transfers of " + b.itemCount());
                    }
                    return posted;
                })
                .flatMap(v -> NativeSql.select("""
                        select 1 from funds.account_balance where account_id = ?2 or account_id in
                          (select payee_account_id from funds.batch_item where batch_id = ?1)
                        order by account_id for update""", b.id(), b.budgetAccountId()))
                .flatMap(v -> NativeSql.write("""
                        update funds.account_balance ab
                        set credits_pending = ab.credits_pending - s.amount, credits_posted = ab.credits_posted + s.amount
                        from (select payee_account_id, sum(amount_fen) as amount from funds.batch_item where batch_id = ?1
                              group by payee_account_id) s
                        where ab.account_id = s.payee_account_id""", b.id()))
                .flatMap(v -> NativeSql.write("""
                        update funds.account_balance set debits_pending = debits_pending - ?2, debits_posted = debits_posted + ?2
                        where account_id = ?1""", b.budgetAccountId(), b.totalFen()))
                .flatMap(v -> NativeSql.selectOne("select funds.batch_transfers_hash(?1) as transfers_hash", b.id()))
                .flatMap(hash -> BatchResolutions.record(audit, b, BatchStatus.POSTED, approver, null, null, null,
                        hash.orElseThrow().text("transfers_hash"), now))
                .flatMap(v -> NativeSql.write("""
                        update funds.batch_posting set state = 'POSTED', updated_at = ?2 where batch_id = ?1""", b.id(), now))
                .replaceWithVoid();
    }

    /**
     * The job: every batch of the county still CREATING ({@link BatchCreation}), then every one still POSTING,
     * carried on step by step, each step its own transaction (after a crash this is the resumption), until
     * made or posted or the run's time is up.
     */
    public Reply job(Caller scheduler, NoInput none) {
        long deadline = System.nanoTime() + RUN_SECONDS_MAX * 1_000_000_000L;
        List<Progress> report = new ArrayList<>(creations.carryOn(scheduler.county(), deadline));
        List<UUID> open = pg.inSession(() -> NativeSql.select("""
                        select batch_id from funds.batch_posting where county = ?1 and state = 'POSTING'
                        order by approved_at""" + " limit " + BATCHES_PER_RUN_MAX, scheduler.county())
                .map(rows -> rows.stream().map(r -> r.uuid("batch_id")).toList()));
        for (UUID batch : open) {
            boolean more = true;
            while (more && System.nanoTime() < deadline) {
                more = pg.inTransaction(() -> step(scheduler.county(), batch));
            }
            report.add(pg.inSession(() -> progress(scheduler.county(), batch)));
        }
        return Reply.ok(new Run(report));
    }

    private static Uni<Progress> progress(String county, UUID batch) {
        return BatchQueries.find(county, batch).map(b -> new Progress(b.id(), b.status(),
                b.itemsPosted() == null ? 0 : b.itemsPosted(), b.itemCount()));
    }
}
