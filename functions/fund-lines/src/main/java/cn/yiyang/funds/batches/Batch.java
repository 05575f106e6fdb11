package cn.yiyang.funds.batches;

import cn.yiyang.funds.audit.Canonical;
import cn.yiyang.stores.pg.SqlRow;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A batch as stored, with its approvals and its resolution, if any. The batch row itself never changes. */
public record Batch(UUID id, String county, BatchKind kind, UUID fundLineId, String fundLine, UUID budgetAccountId,
                    String month, int attempt, int policyVersion, String policy, int itemCount, long totalFen,
                    int requiredApprovals, String maker, OffsetDateTime createdAt, BatchStatus status, String resolvedBy,
                    Integer failedSeq, String failureCode, String reason, OffsetDateTime resolvedAt, List<String> approvers,
                    Integer itemsPosted) {

    static final String SELECT = """
            select b.id, b.county, b.kind, b.fund_line_id, fl.code as fund_line, b.budget_account_id, b.month, b.attempt,
                   b.policy_version, b.policy, b.item_count, b.total_fen, b.required_approvals, b.maker, b.created_at,
                   r.outcome, r.resolved_by, r.failed_seq, r.failure_code, r.reason, r.resolved_at,
                   (select string_agg(a.approver, ',' order by a.approved_at, a.approver)
                      from funds.batch_approval a where a.batch_id = b.id) as approvers,
                   p.items_done
            from funds.batch b join funds.fund_line fl on fl.id = b.fund_line_id
            left join funds.batch_resolution r on r.batch_id = b.id
            left join funds.batch_posting p on p.batch_id = b.id
            """;

    public boolean isDraft() {
        return status == BatchStatus.DRAFT;
    }

    /** Whether this batch still stands for its month: a draft awaiting approval, being posted, or paid. */
    public boolean isLive() {
        return status == BatchStatus.DRAFT || status == BatchStatus.POSTING || status == BatchStatus.POSTED;
    }

    static Batch of(SqlRow r) {
        String approvers = r.text("approvers");
        Integer itemsPosted = r.integerOrNull("items_done");
        BatchStatus status = !r.isNull("outcome") ? BatchStatus.valueOf(r.text("outcome"))
                : itemsPosted != null ? BatchStatus.POSTING : BatchStatus.DRAFT;
        return new Batch(r.uuid("id"), r.text("county"), BatchKind.valueOf(r.text("kind")), r.uuid("fund_line_id"),
                r.text("fund_line"), r.uuid("budget_account_id"), r.text("month"), (int) r.number("attempt"),
                (int) r.number("policy_version"), r.text("policy"), (int) r.number("item_count"), r.fen("total_fen"),
                (int) r.number("required_approvals"), r.text("maker"), r.time("created_at"), status, r.text("resolved_by"),
                r.integerOrNull("failed_seq"), r.text("failure_code"), r.text("reason"), r.time("resolved_at"),
                approvers == null ? List.of() : List.of(approvers.split(",")), itemsPosted);
    }

    /** The batch's immutable facts, as its BATCH_CREATED audit entry records them, with the hash over its items. */
    Map<String, Object> facts(String itemsHash) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", id.toString());
        facts.put("kind", kind.name());
        facts.put("fundLineId", fundLineId.toString());
        facts.put("budgetAccountId", budgetAccountId.toString());
        facts.put("month", month);
        facts.put("attempt", attempt);
        facts.put("policyVersion", policyVersion);
        facts.put("policy", policy);
        facts.put("itemCount", itemCount);
        facts.put("totalFen", totalFen);
        facts.put("requiredApprovals", requiredApprovals);
        facts.put("maker", maker);
        facts.put("createdAt", Canonical.time(createdAt));
        facts.put("itemsHash", itemsHash);
        return facts;
    }
}
