package cn.yiyang.funds.ledger;

import cn.yiyang.funds.audit.Canonical;
import cn.yiyang.stores.pg.NativeSql;
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
                       OffsetDateTime resolvedAt, List<String> approvers) {

    public static final String SELECT = """
            select t.id, t.county, t.client_key, t.fund_line_id, fl.code, t.debit_account_id, t.credit_account_id,
                   t.amount_fen, t.kind, t.reverses_id, t.cause_type, t.cause_ref, t.memo, t.maker, t.required_approvals,
                   t.created_at, t.expires_at, r.outcome, r.resolved_by, r.reason, r.resolved_at,
                   (select string_agg(a.approver, ',' order by a.approved_at, a.approver)
                      from funds.transfer_approval a where a.transfer_id = t.id)
            from funds.transfer t join funds.fund_line fl on fl.id = t.fund_line_id
            left join funds.transfer_resolution r on r.transfer_id = t.id
            """;

    public boolean isPending() {
        return status == TransferStatus.PENDING;
    }

    public static Transfer of(Object[] r) {
        String approvers = NativeSql.text(r[21]);
        return new Transfer(NativeSql.uuid(r[0]), NativeSql.text(r[1]), NativeSql.text(r[2]), NativeSql.uuid(r[3]),
                NativeSql.text(r[4]), NativeSql.uuid(r[5]), NativeSql.uuid(r[6]), NativeSql.number(r[7]),
                TransferKind.valueOf(NativeSql.text(r[8])), NativeSql.uuid(r[9]), NativeSql.text(r[10]), NativeSql.text(r[11]),
                NativeSql.text(r[12]), NativeSql.text(r[13]), (int) NativeSql.number(r[14]), NativeSql.time(r[15]),
                NativeSql.time(r[16]), r[17] == null ? TransferStatus.PENDING : TransferStatus.valueOf(NativeSql.text(r[17])),
                NativeSql.text(r[18]), NativeSql.text(r[19]), NativeSql.time(r[20]),
                approvers == null ? List.of() : List.of(approvers.split(",")));
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
