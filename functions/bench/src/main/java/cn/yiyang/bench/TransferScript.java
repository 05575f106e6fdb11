package cn.yiyang.bench;

import static cn.yiyang.bench.TransferStatements.ACCOUNT;
import static cn.yiyang.bench.TransferStatements.AUDIT_INSERT;
import static cn.yiyang.bench.TransferStatements.AUDIT_LAST;
import static cn.yiyang.bench.TransferStatements.AUDIT_LOCK;
import static cn.yiyang.bench.TransferStatements.BATCH_OF;
import static cn.yiyang.bench.TransferStatements.IDEMPOTENCY_FIND;
import static cn.yiyang.bench.TransferStatements.IDEMPOTENCY_RECORD;
import static cn.yiyang.bench.TransferStatements.INSERT_APPROVAL;
import static cn.yiyang.bench.TransferStatements.INSERT_RESOLUTION;
import static cn.yiyang.bench.TransferStatements.INSERT_TRANSFER;
import static cn.yiyang.bench.TransferStatements.POST_CREDIT;
import static cn.yiyang.bench.TransferStatements.POST_DEBIT;
import static cn.yiyang.bench.TransferStatements.RESERVE_CREDIT;
import static cn.yiyang.bench.TransferStatements.RESERVE_DEBIT;
import static cn.yiyang.bench.TransferStatements.SETTINGS;
import static cn.yiyang.bench.TransferStatements.TRANSFER_BY_ID;
import static cn.yiyang.bench.TransferStatements.TRANSFER_BY_KEY;
import static cn.yiyang.bench.TransferStatements.TRANSFER_LOCK;
import static cn.yiyang.bench.TransferStatements.TRY_KEY_LOCK;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pgbench script of one transfer created and approved, made from {@link TransferStatements} (the
 * statements every access style sends), so the floor runs the very same SQL: each {@code $n} becomes a
 * pgbench expression. Run as {@code pgbench -f … -M prepared -D county=… -D fund_line=… -D debit=… -D credit=…}.
 */
final class TransferScript {

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");
    private static final String ID = "md5('bench-f-' || :key)::uuid";
    private static final String CLIENT_KEY = "'bench-f-' || :key";
    private static final String APPROVE_KEY = "'bench-a-' || :key";
    private static final String LAST_AS_VARIABLES = AUDIT_LAST.replace("select seq, hash", "select seq as last_seq, hash as last_hash")
            + " \\gset\n\\set next_seq :last_seq + 1";

    private TransferScript() {
    }

    static String createAndApprove() {
        return String.join("\n",
                "-- One fund transfer created and approved: TransferStatements as pgbench runs them (TransferScript), the floor.",
                "\\set key random(1, 1000000000000000)",
                "begin;",
                sql(TRY_KEY_LOCK, ":key"),
                sql(TRANSFER_BY_KEY, ":county", CLIENT_KEY),
                sql(ACCOUNT, ":debit", ":county"),
                sql(ACCOUNT, ":credit", ":county"),
                sql(SETTINGS, ":county"),
                sql(INSERT_TRANSFER, ID, ":county", CLIENT_KEY, ":fund_line", ":debit", ":credit", "100", CLIENT_KEY,
                        "'bench-officer'", "1", "now()", "now() + interval '168 hours'"),
                sql(RESERVE_DEBIT, ":debit", "100"),
                sql(RESERVE_CREDIT, ":credit", "100"),
                sql(TRANSFER_BY_ID, ID, ":county"),
                sql(AUDIT_LOCK, ":county"),
                sql(LAST_AS_VARIABLES, ":county"),
                audit("'bench-officer'", "TRANSFER_CREATED"),
                "end;",
                "begin;",
                "\\set approve_key :key + 1",
                sql(TRY_KEY_LOCK, ":approve_key"),
                sql(IDEMPOTENCY_FIND, "'fund-lines'", ":county", "'bench-approver'", APPROVE_KEY, "now()"),
                sql(TRANSFER_LOCK, ID + "::text"),
                sql(TRANSFER_BY_ID, ID, ":county"),
                sql(BATCH_OF, ID),
                sql(INSERT_APPROVAL, ID, "'bench-approver'", "now()"),
                sql(INSERT_RESOLUTION, ID, ":county", "'bench-approver'", "now()"),
                sql(POST_DEBIT, ":debit", "100"),
                sql(POST_CREDIT, ":credit", "100"),
                sql(AUDIT_LOCK, ":county"),
                sql(LAST_AS_VARIABLES, ":county"),
                audit("'bench-approver'", "TRANSFER_POSTED"),
                sql(TRANSFER_BY_ID, ID, ":county"),
                sql(IDEMPOTENCY_RECORD, "'fund-lines'", ":county", "'bench-approver'", APPROVE_KEY, "'fingerprint'", "200", "'{}'",
                        "now()", "now() + interval '24 hours'"),
                "end;", "");
    }

    private static String audit(String actor, String action) {
        return sql(AUDIT_INSERT, ":county", ":next_seq", "now()", actor, "'" + action + "'", ID + "::text", "'{\"amountFen\":100}'",
                ":last_hash", "encode(sha256(convert_to(:last_hash || '" + action + "' || :key, 'UTF8')), 'hex')");
    }

    /** The statement with its {@code $n} replaced by the n-th pgbench expression; a meta-command line keeps its own end. */
    static String sql(String statement, String... values) {
        Matcher m = PARAMETER.matcher(statement);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n > values.length) {
                throw new IllegalArgumentException("no value for $" + n + " in " + statement);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(values[n - 1]));
        }
        m.appendTail(out);
        String text = out.toString();
        return text.contains("\\gset") ? text : text + ";";
    }
}
