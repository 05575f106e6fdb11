package cn.yiyang.funds.batches;

import cn.yiyang.funds.audit.Canonical;
import cn.yiyang.stores.pg.NativeSql;
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
            select b.id, b.county, b.kind, b.fund_line_id, fl.code, b.budget_account_id, b.month, b.attempt,
                   b.policy_version, b.policy, b.item_count, b.total_fen, b.required_approvals, b.maker, b.created_at,
                   r.outcome, r.resolved_by, r.failed_seq, r.failure_code, r.reason, r.resolved_at,
                   (select string_agg(a.approver, ',' order by a.approved_at, a.approver)
                      from funds.batch_approval a where a.batch_id = b.id),
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

    static Batch of(Object[] r) {
        String approvers = NativeSql.text(r[21]);
        BatchStatus status = r[15] != null ? BatchStatus.valueOf(NativeSql.text(r[15]))
                : r[22] != null ? BatchStatus.POSTING : BatchStatus.DRAFT;
        return new Batch(NativeSql.uuid(r[0]), NativeSql.text(r[1]), BatchKind.valueOf(NativeSql.text(r[2])),
                NativeSql.uuid(r[3]), NativeSql.text(r[4]), NativeSql.uuid(r[5]), NativeSql.text(r[6]),
                (int) NativeSql.number(r[7]), (int) NativeSql.number(r[8]), NativeSql.text(r[9]), (int) NativeSql.number(r[10]),
                NativeSql.number(r[11]), (int) NativeSql.number(r[12]), NativeSql.text(r[13]), NativeSql.time(r[14]),
                status, NativeSql.text(r[16]),
                r[17] == null ? null : (int) NativeSql.number(r[17]), NativeSql.text(r[18]), NativeSql.text(r[19]),
                NativeSql.time(r[20]), approvers == null ? List.of() : List.of(approvers.split(",")),
                r[22] == null ? null : (int) NativeSql.number(r[22]));
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
