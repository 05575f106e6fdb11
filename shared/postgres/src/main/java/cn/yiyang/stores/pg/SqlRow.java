package cn.yiyang.stores.pg;

import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of a native query, read by column name ({@code select … as name} where the expression has
 * none): {@code row.fen("amount_fen")}, {@code row.text("status")}. A name the query does not select
 * fails at once with the names it does, so a renamed column is never read as another.
 */
public final class SqlRow {

    private final Tuple tuple;

    SqlRow(Tuple tuple) {
        this.tuple = tuple;
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

    public UUID uuid(String column) {
        return NativeSql.uuid(value(column));
    }

    public boolean bool(String column) {
        return NativeSql.bool(value(column));
    }

    public OffsetDateTime time(String column) {
        return NativeSql.time(value(column));
    }

    public boolean isNull(String column) {
        return value(column) == null;
    }

    private Object value(String column) {
        try {
            return tuple.get(column);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("the row has no column " + column + "; it has "
                    + tuple.getElements().stream().map(TupleElement::getAlias).toList(), unknown);
        }
    }
}
