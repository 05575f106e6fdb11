package cn.yiyang.funds.batches;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A batch as answers show it: its state, and the per-item report (who, age and band or bed-days and
 * the beds or caregiver assignments behind them, amount, and each item's status with the reason it was not paid).
 */
public final class BatchReports {

    /** Items per page of a batch's report. */
    public static final int ITEM_PAGE_SIZE_MAX = 1_000;

    /** Item status: awaiting the batch's approval, paid, the one that could not be paid, or not paid with the batch. */
    public static final String PENDING_APPROVAL = "PENDING_APPROVAL";
    public static final String ITEM_POSTING = "POSTING";
    public static final String ITEM_POSTED = "POSTED";
    public static final String ITEM_REFUSED = "REFUSED";
    public static final String NOT_PAID = "NOT_PAID";

    private BatchReports() {
    }

    @RegisterForReflection
    public record Refusal(int itemSeq, String code, String reason) {
    }

    /**
     * {@code itemsDone}: items the posting made transfers for; {@code itemsCreated}: items written so far, all of
     * them ({@code itemCount}) once the batch is made (while CREATING, {@code itemCount} is 0 until it is planned).
     */
    @RegisterForReflection
    public record Summary(UUID id, BatchKind kind, String fundLine, String month, int attempt, BatchStatus status,
                          int itemCount, long totalFen, int requiredApprovals, List<String> approvers, String maker,
                          OffsetDateTime createdAt, @Nullable String resolvedBy, @Nullable OffsetDateTime resolvedAt,
                          @Nullable Refusal refusal, @Nullable String reason, int itemsDone, int itemsCreated) {
        static Summary of(Batch b) {
            int done = b.status() == BatchStatus.POSTED ? b.itemCount() : b.itemsPosted() == null ? 0 : b.itemsPosted();
            return new Summary(b.id(), b.kind(), b.fundLine(), b.month(), b.attempt(), b.status(), b.itemCount(), b.totalFen(),
                    b.requiredApprovals(), b.approvers(), b.maker(), CountyTime.shown(b.createdAt()), b.resolvedBy(),
                    CountyTime.shown(b.resolvedAt()),
                    b.status() == BatchStatus.REFUSED ? new Refusal(b.failedSeq(), b.failureCode(), b.reason()) : null,
                    b.status() == BatchStatus.CANCELLED ? b.reason() : null, done, b.itemCount());
        }
    }

    @RegisterForReflection
    public record ItemView(int seq, UUID payeeAccountId, String payeeName, @Nullable String residentId,
                           @Nullable Integer age, @Nullable String band, @Nullable Integer bedDays, long amountFen,
                           String status, @Nullable String why, @Nullable UUID transferId,
                           @Nullable List<BatchItem.BedLine> beds, @Nullable List<BatchItem.PostLine> posts) {
    }

    @RegisterForReflection
    public record View(Summary batch, UUID budgetAccountId, int policyVersion, Object policy, Breakdowns breakdowns,
                       List<ItemView> items, @Nullable Integer nextAfterSeq) {
    }

    static Uni<View> view(Batch b, int afterSeq) {
        return BatchQueries.items(b.id(), afterSeq, ITEM_PAGE_SIZE_MAX).flatMap(items -> transfers(b, items)
                .flatMap(transfers -> Breakdowns.of(b).map(breakdowns -> {
                    List<ItemView> views = items.stream().map(i -> item(b, i, transfers.get(i.clientKey()))).toList();
                    Integer next = items.size() == ITEM_PAGE_SIZE_MAX ? items.get(items.size() - 1).seq() : null;
                    return new View(Summary.of(b), b.budgetAccountId(), b.policyVersion(), BatchPolicies.parse(b.kind(), b.policy()),
                            breakdowns, views, next);
                })));
    }

    private static ItemView item(Batch b, BatchItem i, UUID transfer) {
        String status;
        String why = null;
        switch (b.status()) {
            case DRAFT -> status = PENDING_APPROVAL;
            case POSTING -> status = ITEM_POSTING;
            case POSTED -> status = ITEM_POSTED;
            case REFUSED -> {
                boolean failed = b.failedSeq() != null && b.failedSeq() == i.seq();
                status = failed ? ITEM_REFUSED : NOT_PAID;
                why = failed ? b.failureCode() : "BATCH_REFUSED";
            }
            default -> {
                status = NOT_PAID;
                why = "BATCH_CANCELLED";
            }
        }
        return new ItemView(i.seq(), i.payeeAccountId(), i.payeeName(), i.residentId(), i.age(), i.band(), i.bedDays(),
                i.amountFen(), status, why, transfer, i.beds(), i.posts());
    }

    /** The transfers a posting or posted batch made, by client key. */
    private static Uni<Map<String, UUID>> transfers(Batch b, List<BatchItem> items) {
        if ((b.status() != BatchStatus.POSTED && b.status() != BatchStatus.POSTING) || items.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return NativeSql.select("""
                        select t.client_key, t.id from funds.transfer t join funds.batch_item i
                          on i.client_key = t.client_key and i.batch_id = ?2
                        where t.county = ?1 and i.seq between ?3 and ?4""",
                        b.county(), b.id(), items.get(0).seq(), items.get(items.size() - 1).seq())
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> r.text("client_key"), r -> r.uuid("id"))));
    }
}
