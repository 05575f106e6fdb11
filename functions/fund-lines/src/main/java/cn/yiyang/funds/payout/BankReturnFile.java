package cn.yiyang.funds.payout;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A bank return file read and held against its batch, line by line ({@link BankFileLayout}): the
 * header names the batch, each R line an item of it by seq and transfer, the totals line counts them.
 * The first line that does not match refuses the file whole (BANK_RETURN_MISMATCH, 422, the line named
 * in {@code errors}); an item whose outcome was recorded otherwise before is BANK_RETURN_CONFLICT.
 */
final class BankReturnFile {

    record Line(int number, int seq, UUID transferId, boolean failed, String reason, boolean unchanged) {
        Line unchangedNow() {
            return new Line(number, seq, transferId, failed, reason, true);
        }
    }

    private BankReturnFile() {
    }

    static Uni<List<Line>> checked(String county, UUID batch, String file) {
        List<Line> lines = parsed(batch, file);
        String seqs = lines.stream().map(l -> Integer.toString(l.seq())).collect(Collectors.joining(","));
        return NativeSql.select("""
                        select i.seq, t.id as transfer_id, r.outcome from funds.batch_item i
                        join funds.transfer t on t.county = ?2 and t.client_key = i.client_key
                        left join funds.bank_return_item r on r.batch_id = i.batch_id and r.seq = i.seq
                        where i.batch_id = ?1 and i.seq in (select cast(unnest(string_to_array(?3, ',')) as int))""", batch, county, seqs)
                .map(rows -> {
                    Map<Integer, SqlRow> items = new HashMap<>();
                    rows.forEach(r -> items.put((int) r.number("seq"), r));
                    List<Line> held = new ArrayList<>();
                    for (Line l : lines) {
                        SqlRow item = items.get(l.seq());
                        if (item == null) {
                            throw mismatch(l.number(), "NOT_AN_ITEM", "item " + l.seq() + " is not an item of this batch");
                        }
                        if (!item.uuid("transfer_id").equals(l.transferId())) {
                            throw mismatch(l.number(), "TRANSFER_MISMATCH", "item " + l.seq() + " was paid by another transfer");
                        }
                        String recorded = item.text("outcome");
                        if (recorded != null && !recorded.equals(l.failed() ? "FAILED" : "PAID")) {
                            throw new ApiException(FundProblem.BANK_RETURN_CONFLICT, "line " + l.number() + ": item " + l.seq()
                                    + " was returned " + recorded + " before", List.of(new FieldError("line " + l.number(),
                                    "OUTCOME_RECORDED", "item " + l.seq() + " was returned " + recorded + " before")));
                        }
                        held.add(recorded == null ? l : l.unchangedNow());
                    }
                    return held;
                });
    }

    private static List<Line> parsed(UUID batch, String file) {
        List<String> raw = new ArrayList<>(List.of(file.split("\n", -1)));
        if (!raw.isEmpty() && raw.get(raw.size() - 1).isEmpty()) {
            raw.remove(raw.size() - 1);
        }
        String[] header = BankFileLayout.fields(raw.get(0));
        if (header.length != 3 || !"H".equals(header[0]) || !BankFileLayout.RETURN_FORMAT.equals(header[1])) {
            throw mismatch(1, "BAD_HEADER", "the header must be H|" + BankFileLayout.RETURN_FORMAT + "|<batch id>");
        }
        if (!batch.toString().equals(header[2])) {
            throw mismatch(1, "OTHER_BATCH", "the file is for batch " + header[2] + ", not this one");
        }
        if (raw.size() < 3) {
            throw mismatch(raw.size() + 1, "NO_TOTALS", "R lines and a totals line T|lines|paid|failed must follow the header");
        }
        List<Line> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 1; i < raw.size() - 1; i++) {
            Line line = line(i + 1, raw.get(i));
            if (!seen.add(line.seq())) {
                throw mismatch(i + 1, "DUPLICATE_ITEM", "item " + line.seq() + " is returned twice in this file");
            }
            lines.add(line);
        }
        checkTotals(raw.size(), BankFileLayout.fields(raw.get(raw.size() - 1)), lines);
        return lines;
    }

    private static Line line(int number, String text) {
        String[] f = BankFileLayout.fields(text);
        if (f.length != 5 || !"R".equals(f[0]) || !("PAID".equals(f[3]) || "FAILED".equals(f[3]))) {
            throw mismatch(number, "BAD_LINE", "a return line is R|seq|transferId|PAID| or R|seq|transferId|FAILED|reason");
        }
        boolean failed = "FAILED".equals(f[3]);
        String reason = f[4].strip();
        if (failed && (reason.isEmpty() || reason.length() > BankFileLayout.REASON_CHARS_MAX)) {
            throw mismatch(number, "BAD_REASON", "a FAILED line gives the bank's reason, 1 to " + BankFileLayout.REASON_CHARS_MAX
                    + " characters");
        }
        try {
            return new Line(number, Integer.parseInt(f[1]), UUID.fromString(f[2]), failed, failed ? reason : null, false);
        } catch (IllegalArgumentException e) {
            throw mismatch(number, "BAD_LINE", "the seq must be a number and the transfer an id");
        }
    }

    private static void checkTotals(int number, String[] t, List<Line> lines) {
        long failed = lines.stream().filter(Line::failed).count();
        String expected = "T|" + lines.size() + "|" + (lines.size() - failed) + "|" + failed;
        if (!expected.equals(String.join("|", t))) {
            throw mismatch(number, "TOTALS_MISMATCH", "the totals line must read " + expected);
        }
    }

    private static ApiException mismatch(int line, String code, String detail) {
        return new ApiException(FundProblem.BANK_RETURN_MISMATCH, "line " + line + ": " + detail,
                List.of(new FieldError("line " + line, code, detail)));
    }
}
