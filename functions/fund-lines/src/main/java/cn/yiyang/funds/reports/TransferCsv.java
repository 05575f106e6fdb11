package cn.yiyang.funds.reports;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The auditors' export: one line per transfer made in a period, with its status, accounts, approvers and
 * cause, in pages. A Lambda answer holds at most 6 MB, and a month of transfers with long names and
 * memos can be many times that, so each page stops at {@link #ROWS_PER_PAGE_MAX} rows or
 * {@link #PAGE_BYTES_MAX} bytes as the Lambda sends them, whichever comes first; an {@code x-next-cursor}
 * header (and a {@code link rel="next"}) names where the next page starts. Every page is a CSV file of
 * its own, with the header row; pages never overlap and never skip a transfer (keyset on created_at, id).
 */
final class TransferCsv {

    public static final int ROWS_PER_PAGE_MAX = 5_000;
    /** Under Lambda's 6 MB response limit with room for the API Gateway envelope and the other headers. */
    public static final int PAGE_BYTES_MAX = 4_500_000;
    static final String HEADER = "transfer_id,created_at,fund_line,kind,debit_account,credit_account,amount_fen,status,"
            + "maker,approvers,resolved_at,cause_type,cause_ref,reverses_id,memo";
    private static final String NEWLINE = "\r\n";
    /** The query's columns, named as the header names them. */
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    private static final Set<String> TIMES = Set.of("created_at", "resolved_at");

    private TransferCsv() {
    }

    static Uni<Reply> page(String county, OffsetDateTime from, OffsetDateTime until, Optional<CsvCursor> after, String path) {
        CsvCursor start = after.orElse(CsvCursor.before(from));
        return NativeSql.select("""
                        select t.id::text as transfer_id, t.created_at, fl.code as fund_line, t.kind, d.name as debit_account,
                               c.name as credit_account, t.amount_fen, coalesce(r.outcome, 'PENDING') as status, t.maker,
                               (select string_agg(a.approver, ' ' order by a.approved_at) from funds.transfer_approval a
                                 where a.transfer_id = t.id) as approvers, r.resolved_at, t.cause_type, t.cause_ref,
                               t.reverses_id::text as reverses_id, t.memo
                        from funds.transfer t join funds.fund_line fl on fl.id = t.fund_line_id
                        join funds.account d on d.id = t.debit_account_id join funds.account c on c.id = t.credit_account_id
                        left join funds.transfer_resolution r on r.transfer_id = t.id
                        where t.county = ?1 and t.created_at >= ?2 and t.created_at < ?3
                          and (t.created_at, t.id) > (?4, ?5)
                        order by t.created_at, t.id""" + " limit " + (ROWS_PER_PAGE_MAX + 1),
                        county, from, until, start.createdAt(), start.id())
                .map(rows -> reply(rows, path));
    }

    private static Reply reply(List<SqlRow> rows, String path) {
        StringBuilder csv = new StringBuilder(HEADER).append(NEWLINE);
        long bytes = sentBytes(csv);
        int written = 0;
        SqlRow last = null;
        for (SqlRow r : rows) {
            String line = line(r);
            long lineBytes = sentBytes(line);
            if (written == ROWS_PER_PAGE_MAX || bytes + lineBytes > PAGE_BYTES_MAX) {
                break;
            }
            csv.append(line);
            bytes += lineBytes;
            written++;
            last = r;
        }
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "text/csv; charset=utf-8",
                "content-disposition", "attachment; filename=\"transfers.csv\"", "x-rows", Integer.toString(written)));
        if (written < rows.size()) {
            String next = CsvCursor.after(last.time("created_at"), last.uuid("transfer_id")).encoded();
            headers.put("x-next-cursor", next);
            headers.put("link", "<" + path + "&cursor=" + next + ">; rel=\"next\"");
        }
        return new Reply(200, csv.toString(), headers);
    }

    private static String line(SqlRow r) {
        StringBuilder line = new StringBuilder();
        for (String column : COLUMNS) {
            if (line.length() > 0) {
                line.append(',');
            }
            String v = r.isNull(column) ? "" : TIMES.contains(column) ? CountyTime.shown(r.time(column)).toString() : r.text(column);
            line.append(cell(v));
        }
        return line.append(NEWLINE).toString();
    }

    /**
     * The bytes a text costs inside the Lambda's JSON answer: UTF-8, with quotes, backslashes and control
     * characters escaped (a CR LF is four bytes there).
     */
    static long sentBytes(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\r' || c == '\n' || c == '\t') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isSurrogate(c)) {
                bytes += 2; // half of a four-byte character
            } else {
                bytes += 3;
            }
        }
        return bytes;
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
