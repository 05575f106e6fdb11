package cn.yiyang.funds.ledger;

import cn.yiyang.funds.audit.Canonical;
import cn.yiyang.stores.pg.SqlRow;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A transfer as stored, with its approvals and its resolution, if any. The transfer row itself never changes. */
public record Transfer(UUID id, String county, String clientKey, UUID fundLineId, String fundLine, UUID debitAccountId,
                       UUID creditAccountId, long amountFen, TransferKind kind, UUID reversesId, String causeType,
                       String causeRef, String memo, String maker, int requiredApprovals, OffsetDateTime createdAt,
                       OffsetDateTime expiresAt, TransferStatus status, String resolvedBy, String reason,
                       OffsetDateTime resolvedAt, List<String> approvers, UUID batchId) {

    public static final String SELECT = """
            select t.id, t.county, t.client_key, t.fund_line_id, fl.code, t.debit_account_id, t.credit_account_id,
                   t.amount_fen, t.kind, t.reverses_id, t.cause_type, t.cause_ref, t.memo, t.maker, t.required_approvals,
                   t.created_at, t.expires_at, r.outcome, r.resolved_by, r.reason, r.resolved_at,
                   (select string_agg(a.approver, ',' order by a.approved_at, a.approver)
                      from funds.transfer_approval a where a.transfer_id = t.id) as approvers, t.batch_id
            from funds.transfer t join funds.fund_line fl on fl.id = t.fund_line_id
            left join funds.transfer_resolution r on r.transfer_id = t.id
            """;

    public boolean isPending() {
        return status == TransferStatus.PENDING;
    }

    public static Transfer of(SqlRow r) {
        String approvers = r.text("approvers");
        return new Transfer(r.uuid("id"), r.text("county"), r.text("client_key"), r.uuid("fund_line_id"), r.text("code"),
                r.uuid("debit_account_id"), r.uuid("credit_account_id"), r.fen("amount_fen"), TransferKind.valueOf(r.text("kind")),
                r.uuid("reverses_id"), r.text("cause_type"), r.text("cause_ref"), r.text("memo"), r.text("maker"),
                (int) r.number("required_approvals"), r.time("created_at"), r.time("expires_at"),
                r.isNull("outcome") ? TransferStatus.PENDING : TransferStatus.valueOf(r.text("outcome")), r.text("resolved_by"),
                r.text("reason"), r.time("resolved_at"), approvers == null ? List.of() : List.of(approvers.split(",")),
                r.uuid("batch_id"));
    }

    /** The transfer just made, as a read of its row would show it (its times are whole milliseconds, as stored). */
    static Transfer made(UUID id, String county, String clientKey, String maker, NewTransfer t, int requiredApprovals,
                         OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        return new Transfer(id, county, clientKey, t.debit().fundLineId(), t.debit().fundLine(), t.debit().id(), t.credit().id(),
                t.amountFen(), t.kind(), t.reversesId(), t.causeType(), t.causeRef(), t.memo(), maker, requiredApprovals,
                createdAt, expiresAt, TransferStatus.PENDING, null, null, null, List.of(), null);
    }

    /** This pending transfer after one more approval, resolved as {@code outcome} when that completes it. */
    Transfer approvedBy(String approver, TransferStatus outcome, OffsetDateTime at) {
        List<String> all = new java.util.ArrayList<>(approvers);
        all.add(approver);
        boolean resolved = outcome != TransferStatus.PENDING;
        return new Transfer(id, county, clientKey, fundLineId, fundLine, debitAccountId, creditAccountId, amountFen, kind,
                reversesId, causeType, causeRef, memo, maker, requiredApprovals, createdAt, expiresAt, outcome,
                resolved ? approver : null, null, resolved ? at : null, List.copyOf(all), batchId);
    }

    /**
     * The immutable facts of the transfer, as the audit trail records them at creation; verification
     * recomputes this from the row and compares, so a row altered afterwards is found.
     */
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", id.toString());
        facts.put("clientKey", clientKey);
        facts.put("fundLineId", fundLineId.toString());
        facts.put("debitAccountId", debitAccountId.toString());
        facts.put("creditAccountId", creditAccountId.toString());
        facts.put("amountFen", amountFen);
        facts.put("kind", kind.name());
        facts.put("reversesId", reversesId == null ? null : reversesId.toString());
        facts.put("causeType", causeType);
        facts.put("causeRef", causeRef);
        facts.put("memo", memo);
        facts.put("maker", maker);
        facts.put("requiredApprovals", requiredApprovals);
        facts.put("createdAt", Canonical.time(createdAt));
        facts.put("expiresAt", Canonical.time(expiresAt));
        return facts;
    }
}
