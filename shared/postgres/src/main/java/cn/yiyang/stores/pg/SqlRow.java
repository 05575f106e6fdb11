package cn.yiyang.stores.pg;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One row of a native query, read by column name ({@code select … as name} where the expression has
 * none): {@code row.fen("amount_fen")}, {@code row.text("status")}. A name the query does not select
 * fails at once with the names it does, so a renamed column is never read as another.
 */
public final class SqlRow {

    private final Row row;

    SqlRow(Row row) {
        this.row = row;
    }

    public String text(String column) {
        return NativeSql.text(value(column));
    }

    /** Money: integer fen, never null (a SUM over no rows must be coalesced in the SQL). */
    public long fen(String column) {
        Object value = value(column);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null where an amount in fen is required");
        }
        return NativeSql.number(value);
    }

    /** A whole number; 0 when null (a count, a sequence, a number of approvals). */
    public long number(String column) {
        return NativeSql.number(value(column));
    }

    /** An int column that may be null (a fiscal year, a setting). */
    public Integer integerOrNull(String column) {
        Object value = value(column);
        return value == null ? null : (int) NativeSql.number(value);
    }

    /** Any number (an aggregate, a percentile), or null. */
    public Number numberOrNull(String column) {
        Object value = value(column);
        return value == null ? null : (Number) value;
    }

    public UUID uuid(String column) {
        return NativeSql.uuid(value(column));
    }

    public boolean bool(String column) {
        return NativeSql.bool(value(column));
    }

    /** A date column (or a {@code ::date} expression), or null. */
    public LocalDate date(String column) {
        Object value = value(column);
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        throw new IllegalStateException("column " + column + " is not a date: " + value.getClass().getName());
    }

    public OffsetDateTime time(String column) {
        return NativeSql.time(value(column));
    }

    /** A bytea column (sealed or encrypted values), or null. */
    public byte[] bytes(String column) {
        Object value = value(column);
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof Buffer buffer) {
            return buffer.getBytes();
        }
        throw new IllegalStateException("column " + column + " is not bytes: " + value.getClass().getName());
    }

    public boolean isNull(String column) {
        return value(column) == null;
    }

    private Object value(String column) {
        int index = row.getColumnIndex(column);
        if (index < 0) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                names.add(row.getColumnName(i));
            }
            throw new IllegalArgumentException("the row has no column " + column + "; it has " + names);
        }
        return row.getValue(index);
    }
}
