package cn.yiyang.funds.reports;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.Map;

/** The auditors' export: one line per transfer made in a period, with its status, accounts, approvers and cause. */
final class TransferCsv {

    public static final int ROWS_MAX = 20_000;
    static final String HEADER = "transfer_id,created_at,fund_line,kind,debit_account,credit_account,amount_fen,status,"
            + "maker,approvers,resolved_at,cause_type,cause_ref,reverses_id,memo";

    private TransferCsv() {
    }

    static Uni<Reply> of(String county, OffsetDateTime from, OffsetDateTime until) {
        return NativeSql.rows("""
                        select t.id::text, t.created_at, fl.code, t.kind, d.name, c.name, t.amount_fen, coalesce(r.outcome, 'PENDING'),
                               t.maker, (select string_agg(a.approver, ' ' order by a.approved_at) from funds.transfer_approval a
                                         where a.transfer_id = t.id), r.resolved_at, t.cause_type, t.cause_ref, t.reverses_id::text, t.memo
                        from funds.transfer t join funds.fund_line fl on fl.id = t.fund_line_id
                        join funds.account d on d.id = t.debit_account_id join funds.account c on c.id = t.credit_account_id
                        left join funds.transfer_resolution r on r.transfer_id = t.id
                        where t.county = ?1 and t.created_at >= ?2 and t.created_at < ?3
                        order by t.created_at, t.id """ + " limit " + (ROWS_MAX + 1), county, from, until)
                .map(rows -> {
                    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
                    int written = 0;
                    for (Object[] r : rows) {
                        if (written == ROWS_MAX) {
                            break;
                        }
                        for (int i = 0; i < r.length; i++) {
                            if (i > 0) {
                                csv.append(',');
                            }
                            Object v = r[i];
                            if (v != null && (i == 1 || i == 10)) {
                                v = CountyTime.shown(NativeSql.time(v));
                            }
                            csv.append(cell(v == null ? "" : v.toString()));
                        }
                        csv.append("\r\n");
                        written++;
                    }
                    return new Reply(200, csv.toString(), Map.of("content-type", "text/csv; charset=utf-8",
                            "content-disposition", "attachment; filename=\"transfers.csv\"",
                            "x-rows-truncated", Boolean.toString(rows.size() > ROWS_MAX)));
                });
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
    static String cell(String value) {
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
