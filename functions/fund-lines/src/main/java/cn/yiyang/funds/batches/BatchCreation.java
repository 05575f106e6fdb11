package cn.yiyang.funds.batches;

import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.audit.Canonical;
import cn.yiyang.funds.lines.FundLine;
import cn.yiyang.funds.lines.FundLineService;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgOperations;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Making a county-sized batch as a job: reading a county's cards and writing 100,000 items takes a
 * minute or more, past API Gateway's 30 s. The request records the creation (CREATING) and answers 202
 * at once; the post-batches job ({@link BatchPosting#job}) plans it, records the plan's count, total and
 * hash, then stages {@value #STEP_ITEMS} items a step (their payee accounts opened), each step a
 * transaction that records its progress; the last step makes the batch whole in one transaction: the
 * batch row, its items moved from the stage, its BATCH_CREATED entry. A crash between steps leaves the
 * staged items and the progress that counts them: the next run plans again and carries on from that
 * progress if the plan is the one it began (the same hash), so each item is staged once (the stage's
 * keys are unique besides); a plan that changed meanwhile FAILS the creation (PLAN_CHANGED) and the
 * month may be made again.
 */
@ApplicationScoped
public class BatchCreation {

    /** Items one step stages, in one transaction. */
    public static final int STEP_ITEMS = 10_000;
    /** A month with fewer resident cards to read than this is made within its request, as before. */
    public static final int INLINE_ITEMS_MAX = BatchPosting.INLINE_ITEMS_MAX;
    /** The failure recorded when a resumed creation finds a plan other than the one it began. */
    public static final String PLAN_CHANGED = "PLAN_CHANGED";

    /** Every column of an item, staged and kept alike (a column added to funds.batch_item is added to the stage too). */
    private static final String ITEM_COLUMNS = "batch_id, seq, payee_account_id, client_key, amount_fen, cause_type, cause_ref, "
            + "resident_id, age, band, bed_days, street_code";

    public enum State { CREATING, CREATED, FAILED }

    /** A creation as stored; {@code itemsTotal}, {@code totalFen} and {@code planHash} once planned. */
    public record Creation(UUID id, String county, BatchKind kind, UUID fundLineId, String fundLine, UUID budgetAccountId,
                           String month, int attempt, int policyVersion, String policy, String maker, OffsetDateTime requestedAt,
                           State state, Integer itemsTotal, Long totalFen, String planHash, int itemsDone, String failureCode) {

        static final String SELECT = """
                select c.batch_id, c.county, c.kind, c.fund_line_id, fl.code as fund_line, c.budget_account_id, c.month, c.attempt,
                       c.policy_version, c.policy, c.maker, c.requested_at, c.state, c.items_total, c.total_fen, c.plan_hash,
                       c.items_done, c.failure_code
                from funds.batch_creation c join funds.fund_line fl on fl.id = c.fund_line_id
                """;

        public boolean creating() {
            return state == State.CREATING;
        }

        static Creation of(SqlRow r) {
            return new Creation(r.uuid("batch_id"), r.text("county"), BatchKind.valueOf(r.text("kind")), r.uuid("fund_line_id"),
                    r.text("fund_line"), r.uuid("budget_account_id"), r.text("month"), (int) r.number("attempt"),
                    (int) r.number("policy_version"), r.text("policy"), r.text("maker"), r.time("requested_at"),
                    State.valueOf(r.text("state")), r.integerOrNull("items_total"),
                    r.isNull("total_fen") ? null : r.fen("total_fen"), r.text("plan_hash"), (int) r.number("items_done"),
                    r.text("failure_code"));
        }
    }

    private final PgOperations pg;
    private final AccountService accounts;
    private final ResidentCards cards;
    private final AuditTrail audit;
    private final Clock clock;

    public BatchCreation(PgOperations pg, AccountService accounts, ResidentCards cards, AuditTrail audit, Clock clock) {
        this.pg = pg;
        this.accounts = accounts;
        this.cards = cards;
        this.audit = audit;
        this.clock = clock;
    }

    /** In the request's transaction, under the month's lock: the creation recorded, 202 with the batch CREATING. */
    Uni<Reply> start(Caller caller, BatchKind kind, FundLine line, YearMonth month, int attempt, BatchPolicies.Versioned policy) {
        if (kind.plannedFromBeds()) {
            throw new IllegalStateException("a bed subsidy or caregiver post allowance is planned whole and made in its request");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = CountyTime.now(clock);
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("id", id.toString());
        fact.put("kind", kind.name());
        fact.put("month", month.toString());
        fact.put("attempt", attempt);
        fact.put("policyVersion", policy.version());
        return accounts.budget(caller, line, month.getYear())
                .flatMap(budget -> NativeSql.write("""
                                insert into funds.batch_creation (batch_id, county, kind, fund_line_id, budget_account_id, month, attempt,
                                  policy_version, policy, maker, requested_at, state, items_done, updated_at)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'CREATING', 0, ?11)""",
                        id, caller.county(), kind.name(), line.id(), budget.id(), month.toString(), (short) attempt, policy.version(),
                        StrictJson.write(policy.policy()), caller.subject(), now))
                .flatMap(v -> audit.append(caller.county(), caller.subject(), "BATCH_CREATING", "BATCH", id.toString(), fact, now))
                .flatMap(v -> find(caller.county(), id))
                .map(BatchCreation::accepted);
    }

    /** 202, the batch CREATING, and where to follow it. */
    static Reply accepted(Creation c) {
        return new Reply(202, StrictJson.write(view(c)), Map.of("Location", "/v1/batches/" + c.id()), BatchReports.View.class);
    }

    /** The month's creations that never became a batch: CREATING, or FAILED (each took an attempt). */
    static Uni<List<Creation>> unfinished(String county, BatchKind kind, FundLine line, YearMonth month) {
        return NativeSql.select(Creation.SELECT + """
                        where c.county = ?1 and c.kind = ?2 and c.fund_line_id = ?3 and c.month = ?4 and c.state <> 'CREATED'
                        order by c.attempt""", county, kind.name(), line.id(), month.toString())
                .map(rows -> rows.stream().map(Creation::of).toList());
    }

    static Uni<Optional<Creation>> lookUp(String county, UUID id) {
        return NativeSql.selectOne(Creation.SELECT + "where c.batch_id = ?1 and c.county = ?2", id, county)
                .map(row -> row.map(Creation::of));
    }

    static Uni<Creation> find(String county, UUID id) {
        return lookUp(county, id).map(c -> c.orElseThrow(() -> ApiException.notFound("Batch")));
    }

    /** A creation that is not a batch (yet, or ever) as the batch answers show it: CREATING, or REFUSED with why. */
    static BatchReports.View view(Creation c) {
        BatchStatus status = c.state() == State.FAILED ? BatchStatus.REFUSED : BatchStatus.CREATING;
        BatchReports.Refusal refusal = c.state() == State.FAILED
                ? new BatchReports.Refusal(0, c.failureCode(), "the batch could not be created") : null;
        BatchReports.Summary summary = new BatchReports.Summary(c.id(), c.kind(), c.fundLine(), c.month(), c.attempt(), status,
                c.itemsTotal() == null ? 0 : c.itemsTotal(), c.totalFen() == null ? 0 : c.totalFen(), 0, List.of(), c.maker(),
                CountyTime.shown(c.requestedAt()), null, null, refusal, null, 0, c.itemsDone());
        return new BatchReports.View(summary, c.budgetAccountId(), c.policyVersion(), BatchPolicies.parse(c.kind(), c.policy()),
                new Breakdowns(List.of(), List.of()), List.of(), null);
    }

    /** The job's part: every creation of the county still CREATING, carried on until made or the run's time is up. */
    List<BatchPosting.Progress> carryOn(String county, long deadlineNanos) {
        List<UUID> open = pg.inSession(() -> NativeSql.select("""
                        select batch_id from funds.batch_creation where county = ?1 and state = 'CREATING'
                        order by requested_at""" + " limit " + BatchPosting.BATCHES_PER_RUN_MAX, county)
                .map(rows -> rows.stream().map(r -> r.uuid("batch_id")).toList()));
        List<BatchPosting.Progress> report = new ArrayList<>();
        for (UUID id : open) {
            report.add(advance(county, id, STEP_ITEMS, Integer.MAX_VALUE, deadlineNanos));
        }
        return report;
    }

    /**
     * Plans the creation, then takes at most {@code stepsMax} steps of {@code stepItems} (the job: as many as
     * its time allows), each its own transaction; answers the progress reached.
     */
    public BatchPosting.Progress advance(String county, UUID id, int stepItems, int stepsMax, long deadlineNanos) {
        Creation c = pg.inSession(() -> find(county, id));
        if (!c.creating()) {
            return progress(c);
        }
        YearMonth month = YearMonth.parse(c.month());
        List<PlannedItem> items;
        try {
            items = pg.inSession(() -> MonthPlan.whole(cards, county, c.kind(), month, BatchPolicies.parse(c.kind(), c.policy()),
                    c.id()));
            BatchRules.checkItemCount(items.size(), month);
        } catch (ApiException e) {
            if (e.code().httpStatus() >= 500) {
                throw e;
            }
            return pg.inTransaction(() -> fail(c, e.code().name()));
        }
        String hash = planHash(items);
        long total = items.stream().mapToLong(PlannedItem::amountFen).sum();
        if (!pg.inTransaction(() -> planned(c, items.size(), total, hash))) {
            return pg.inTransaction(() -> fail(c, PLAN_CHANGED));
        }
        boolean more = true;
        for (int steps = 0; more && steps < stepsMax && System.nanoTime() < deadlineNanos; steps++) {
            more = pg.inTransaction(() -> step(c, items, stepItems));
        }
        return progress(pg.inSession(() -> find(county, id)));
    }

    /** The plan's count, total and hash, recorded by the first run; a later run answers whether its plan is the same. */
    private static Uni<Boolean> planned(Creation c, int count, long total, String hash) {
        return NativeSql.write("""
                        update funds.batch_creation set items_total = ?2, total_fen = ?3, plan_hash = ?4
                        where batch_id = ?1 and state = 'CREATING' and plan_hash is null""", c.id(), count, total, hash)
                .flatMap(v -> NativeSql.selectOne("select plan_hash, items_total, total_fen from funds.batch_creation where batch_id = ?1",
                        c.id()))
                .map(row -> hash.equals(row.orElseThrow().text("plan_hash")) && row.get().number("items_total") == count
                        && row.get().fen("total_fen") == total);
    }

    /**
     * One step under the batch's lock, on the progress committed before it: the next items staged, or,
     * once all are, the batch made. Answers whether the creation is still CREATING afterwards.
     */
    private Uni<Boolean> step(Creation c, List<PlannedItem> items, int stepItems) {
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-batch:' || ?1, 0)) as locked", c.id().toString())
                .flatMap(v -> NativeSql.selectOne("select items_done, state from funds.batch_creation where batch_id = ?1", c.id()))
                .flatMap(row -> {
                    if (!"CREATING".equals(row.orElseThrow().text("state"))) {
                        return Uni.createFrom().item(false);
                    }
                    int done = (int) row.get().number("items_done");
                    OffsetDateTime now = CountyTime.now(clock);
                    return FundLineService.find(c.county(), c.fundLine()).flatMap(line -> done < items.size()
                            ? stage(c, line, items.subList(0, Math.min(items.size(), done + stepItems)), done, now).replaceWith(true)
                            : make(c, line, items, now).replaceWith(false));
                });
    }

    /** Items (done, to]: their payee accounts opened, the items staged, the progress recorded. */
    private Uni<Void> stage(Creation c, FundLine line, List<PlannedItem> upTo, int done, OffsetDateTime now) {
        return BatchItemsWriter.openPayeeAccounts(audit, c.county(), c.maker(), c.id(), line, c.kind(), upTo, done, now)
                .flatMap(v -> BatchItemsWriter.insertItems(BatchItemsWriter.STAGED_ITEMS, c.id(), line, c.kind(), upTo, done))
                .flatMap(v -> NativeSql.write("update funds.batch_creation set items_done = ?2, updated_at = ?3 where batch_id = ?1",
                        c.id(), upTo.size(), now))
                .replaceWithVoid();
    }

    /** Every item staged: the batch row, its items moved from the stage, its BATCH_CREATED entry; a DRAFT from here on. */
    private Uni<Void> make(Creation c, FundLine line, List<PlannedItem> items, OffsetDateTime now) {
        int count = items.size();
        long total = items.stream().mapToLong(PlannedItem::amountFen).sum();
        return BatchService.insertBatch(new BatchService.NewRow(c.id(), c.county(), c.kind(), c.fundLineId(), c.budgetAccountId(),
                        YearMonth.parse(c.month()), c.attempt(), c.policyVersion(), c.policy(), count, total, c.maker(),
                        c.requestedAt()))
                .flatMap(v -> NativeSql.write("insert into funds.batch_item (" + ITEM_COLUMNS + ") select " + ITEM_COLUMNS
                        + " from funds.batch_item_staged where batch_id = ?1", c.id()))
                .map(moved -> {
                    if (moved.intValue() != count) {
                        throw new IllegalStateException("batch " + c.id() + ": " + moved + " staged items of " + count);
                    }
                    return moved;
                })
                // the stage is a work table, not a record: the items live on in funds.batch_item
                .flatMap(v -> NativeSql.write("delete from funds.batch_item_staged where batch_id = ?1", c.id()))
                .flatMap(v -> BatchService.recordCreated(audit, c.county(), c.maker(), c.id(), now))
                .flatMap(v -> NativeSql.write("update funds.batch_creation set state = 'CREATED', updated_at = ?2 where batch_id = ?1",
                        c.id(), now))
                .replaceWithVoid();
    }

    private Uni<BatchPosting.Progress> fail(Creation c, String code) {
        OffsetDateTime now = CountyTime.now(clock);
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("id", c.id().toString());
        fact.put("failureCode", code);
        return NativeSql.write("""
                        update funds.batch_creation set state = 'FAILED', failure_code = ?2, updated_at = ?3
                        where batch_id = ?1 and state = 'CREATING'""", c.id(), code, now)
                // what it staged is never a batch: the stage keeps nothing of it
                .call(updated -> NativeSql.write("delete from funds.batch_item_staged where batch_id = ?1", c.id()))
                .flatMap(updated -> updated == 0 ? Uni.createFrom().voidItem()
                        : audit.append(c.county(), c.maker(), "BATCH_CREATION_FAILED", "BATCH", c.id().toString(), fact, now))
                .flatMap(v -> find(c.county(), c.id())).map(BatchCreation::progress);
    }

    private static BatchPosting.Progress progress(Creation c) {
        BatchStatus status = switch (c.state()) {
            case CREATING -> BatchStatus.CREATING;
            case CREATED -> BatchStatus.DRAFT;
            case FAILED -> BatchStatus.REFUSED;
        };
        return new BatchPosting.Progress(c.id(), status, c.itemsDone(), c.itemsTotal() == null ? 0 : c.itemsTotal());
    }

    /** What the plan pays, in order, as one hash: a resumed run must find the same. */
    static String planHash(List<PlannedItem> items) {
        StringBuilder text = new StringBuilder();
        for (PlannedItem i : items) {
            text.append(i.clientKey()).append('|').append(i.amountFen()).append('|').append(i.payeeRef()).append('|')
                    .append(i.payeeAccountId()).append('|').append(i.age()).append('|').append(i.band()).append('|')
                    .append(i.streetCode()).append('\n');
        }
        return Canonical.sha256(text.toString());
    }
}
