package cn.yiyang.funds.batches;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.beds.OccupancyService;
import cn.yiyang.funds.lines.FundLine;
import cn.yiyang.funds.lines.FundLineService;
import cn.yiyang.funds.lines.FundSettings;
import cn.yiyang.funds.batches.BatchRequests.NewBatch;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;

import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Making a month's batch: the items are planned (residents by age band from the resident cards, or
 * institutions by occupied bed-days), each payee's account opened, and the batch stored as a DRAFT
 * that reserves nothing; the money moves, all or none, when the batch is approved
 * ({@link BatchApproval}). A county-sized month is made by a job instead ({@link BatchCreation}): the
 * request answers 202 at once. A month has one live batch per kind: asking again answers the one there is.
 */
@ApplicationScoped
public class BatchService {

    /**
     * Items in one batch: a county's whole 高龄津贴 roll (one district alone has some 17,600 residents
     * aged 80+). Items are written and posted set-based ({@link BatchItemsWriter}, {@link BatchPosting}).
     */
    public static final int ITEMS_PER_BATCH_MAX = 200_000;
    /** Cards a batch reads at most; reading this many means the county is too large for one batch. */
    public static final int CARDS_READ_MAX = ResidentCards.COUNTY_QUERY_ITEMS_MAX;
    /** Attempts per month and kind: each refused or cancelled batch may be made again, this often. */
    public static final int ATTEMPTS_MAX = 20;

    private final AccountService accounts;
    private final ResidentCards cards;
    private final AuditTrail audit;
    private final BatchCreation creations;
    private final Clock clock;

    public BatchService(AccountService accounts, ResidentCards cards, AuditTrail audit, BatchCreation creations, Clock clock) {
        this.accounts = accounts;
        this.cards = cards;
        this.audit = audit;
        this.creations = creations;
        this.clock = clock;
    }

    public Uni<Reply> create(Caller caller, NewBatch r) {
        BatchKind kind = BatchRules.kind(r.kind());
        YearMonth month = BatchRules.month(r.month());
        BatchRules.checkMonthOpen(kind, month, CountyTime.today(clock));
        String county = caller.county();
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-batch-month:' || ?1, 0)) as locked",
                        county + ":" + kind + ":" + month)
                .flatMap(v -> FundLineService.find(county, kind.fundLine()))
                .flatMap(line -> attempts(county, kind, line, month).flatMap(earlier -> BatchCreation.unfinished(county, kind, line,
                        month).flatMap(creations -> {
                    Optional<Batch> live = earlier.stream().filter(Batch::isLive).findFirst();
                    if (live.isPresent()) {
                        // the same month again: the batch there is, paid at most once
                        return BatchReports.view(live.get(), 0).map(Reply::ok);
                    }
                    Optional<BatchCreation.Creation> creating = creations.stream().filter(BatchCreation.Creation::creating).findFirst();
                    if (creating.isPresent()) {
                        return Uni.createFrom().item(BatchCreation.accepted(creating.get()));
                    }
                    int tries = earlier.size() + creations.size();
                    if (tries >= ATTEMPTS_MAX) {
                        throw new ApiException(FundProblem.BATCH_RETRIES_EXHAUSTED, "The month's batch was made " + ATTEMPTS_MAX + " times");
                    }
                    return make(caller, kind, line, month, tries + 1);
                })));
    }

    /**
     * A month whose plan fits {@link BatchCreation#INLINE_ITEMS_MAX} is made here, in the request; a larger one
     * (more resident cards to read than that) is handed to the job: 202, the batch CREATING.
     */
    private Uni<Reply> make(Caller caller, BatchKind kind, FundLine line, YearMonth month, int attempt) {
        String county = caller.county();
        Uni<Void> locked = kind.plannedFromBeds() ? OccupancyService.lockOccupancies(county) : Uni.createFrom().voidItem();
        return locked.flatMap(v -> BatchPolicies.current(county, kind)).flatMap(policy -> MonthPlan.of(cards, county, kind, month, policy.policy(),
                        BatchCreation.INLINE_ITEMS_MAX + 1)
                .flatMap(planned -> planned.isEmpty()
                        ? creations.start(caller, kind, line, month, attempt, policy)
                        : MonthPlan.withFailedPayments(county, kind, planned.get(), null)
                                .flatMap(items -> makeNow(caller, kind, line, month, attempt, policy, items))));
    }

    private Uni<Reply> makeNow(Caller caller, BatchKind kind, FundLine line, YearMonth month, int attempt,
                               BatchPolicies.Versioned policy, List<PlannedItem> items) {
        BatchRules.checkItemCount(items.size(), month);
        String county = caller.county();
        OffsetDateTime now = CountyTime.now(clock);
        UUID id = UUID.randomUUID();
        long total = items.stream().mapToLong(PlannedItem::amountFen).sum();
        return accounts.budget(caller, line, month.getYear())
                .flatMap(budget -> insertBatch(new NewRow(id, county, kind, line.id(), budget.id(), month, attempt, policy.version(),
                        StrictJson.write(policy.policy()), items.size(), total, caller.subject(), now)))
                .flatMap(v -> BatchItemsWriter.openPayeeAccounts(audit, county, caller.subject(), id, line, kind, items, 0, now))
                .flatMap(v -> BatchItemsWriter.insertItems(BatchItemsWriter.ITEMS, id, line, kind, items, 0))
                .flatMap(v -> recordCreated(audit, county, caller.subject(), id, now))
                .flatMap(batch -> BatchReports.view(batch, 0))
                .map(Reply::created);
    }

    /** A batch row as it is written once, whole. */
    record NewRow(UUID id, String county, BatchKind kind, UUID fundLineId, UUID budgetAccountId, YearMonth month, int attempt,
                  int policyVersion, String policy, int itemCount, long totalFen, String maker, OffsetDateTime createdAt) {
    }

    static Uni<Void> insertBatch(NewRow b) {
        return FundSettings.of(b.county()).flatMap(settings -> NativeSql.write("""
                        insert into funds.batch (id, county, kind, fund_line_id, budget_account_id, month, attempt,
                          policy_version, policy, item_count, total_fen, required_approvals, maker, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""",
                b.id(), b.county(), b.kind().name(), b.fundLineId(), b.budgetAccountId(), b.month().toString(), (short) b.attempt(),
                b.policyVersion(), b.policy(), b.itemCount(), b.totalFen(), (short) settings.approvalsRequiredFor(b.totalFen()),
                b.maker(), b.createdAt())).replaceWithVoid();
    }

    /** Once its items are all written: the batch's one BATCH_CREATED entry, with the hash over its items. */
    static Uni<Batch> recordCreated(AuditTrail audit, String county, String maker, UUID id, OffsetDateTime now) {
        return BatchQueries.find(county, id)
                .flatMap(batch -> NativeSql.selectOne("select funds.batch_items_hash(?1) as items_hash", id)
                        .flatMap(hash -> audit.append(county, maker, "BATCH_CREATED", "BATCH", id.toString(),
                                batch.facts(hash.orElseThrow().text("items_hash")), now))
                        .replaceWith(batch));
    }

    private static Uni<List<Batch>> attempts(String county, BatchKind kind, FundLine line, YearMonth month) {
        return NativeSql.select(Batch.SELECT + """
                        where b.county = ?1 and b.kind = ?2 and b.fund_line_id = ?3 and b.month = ?4 order by b.attempt""",
                        county, kind.name(), line.id(), month.toString())
                .map(rows -> rows.stream().map(Batch::of).toList());
    }
}
