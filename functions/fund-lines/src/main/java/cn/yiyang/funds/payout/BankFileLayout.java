package cn.yiyang.funds.payout;

/**
 * The 代发 files' layout, one record a line, fields separated by {@code |} (a {@code |} inside a name
 * becomes the full-width {@code ｜}), UTF-8, LF.
 *
 * <pre>
 * payment file (ours → bank), paged by afterSeq; the header on the first page, the totals on the last:
 *   H|YIYANG-DAIFA-1|county|batchId|month|itemCount|totalFen
 *   D|seq|transferId|kind|bankCode|accountNumber|holderName|amountFen      (no payout account: kind … name are "-")
 *   T|itemCount|totalFen|checksum       checksum = SHA-256 hex of every item's "seq|transferId|amountFen\n", in seq order
 * return file (bank → ours), any subset of the items, at most 60,000 characters a file:
 *   H|YIYANG-DAIFA-RETURN-1|batchId
 *   R|seq|transferId|PAID|        or        R|seq|transferId|FAILED|the bank's reason (≤ 180 characters)
 *   T|rLines|paid|failed
 * </pre>
 */
public final class BankFileLayout {

    public static final String PAYMENT_FORMAT = "YIYANG-DAIFA-1";
    public static final String RETURN_FORMAT = "YIYANG-DAIFA-RETURN-1";
    public static final String NONE = "-";
    public static final String SEPARATOR = "|";
    public static final int RETURN_FILE_CHARS_MAX = 60_000;
    public static final int REASON_CHARS_MAX = 180;

    private BankFileLayout() {
    }

    public static String line(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            line.append(String.valueOf(fields[i]).replace(SEPARATOR, "｜").replace("\n", " "));
        }
        return line.append('\n').toString();
    }

    /** A line's fields; a trailing empty field is kept. */
    public static String[] fields(String line) {
        return line.split("\\|", -1);
    }
}
