package cn.yiyang.stores.pg;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.type.StandardBasicTypes;

/**
 * Plain SQL on the current Panache session, so it joins the operation's transaction (entities and
 * native SQL of one operation share it): positional parameters {@code ?1 … ?n}, rows read by column
 * name ({@link #select}, {@link #selectOne}: {@link SqlRow}). {@link #rows} and {@link #first} hand
 * rows out as {@code Object[]} read by position; new code reads by name.
 */
public final class NativeSql {

    private static final TypedParameterValue<String> TEXT_NULL = new TypedParameterValue<>(StandardBasicTypes.STRING, null);

    private NativeSql() {
    }

    /** The rows, read by column name. */
    public static Uni<List<SqlRow>> select(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> bind(s.createNativeQuery(sql, Tuple.class), params).getResultList())
                .map(tuples -> tuples.stream().map(SqlRow::new).toList());
    }

    /** The first row, if any, read by column name. */
    public static Uni<Optional<SqlRow>> selectOne(String sql, Object... params) {
        return select(sql, params).map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
    }

    public static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> bind(s.<Object>createNativeQuery(sql), params).getResultList())
                .map(NativeSql::asRows);
    }

    public static Uni<Optional<Object[]>> first(String sql, Object... params) {
        return rows(sql, params).map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
    }

    public static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> bind(s.<Object>createNativeQuery(sql), params).executeUpdate());
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            // A bare null has no type to bind with: it goes as a text null, which the SQL casts (cast(?n as uuid)).
            query.setParameter(i + 1, params[i] == null ? TEXT_NULL : params[i]);
        }
        return query;
    }

    private static List<Object[]> asRows(List<?> results) {
        List<Object[]> rows = new ArrayList<>(results.size());
        for (Object result : results) {
            rows.add(result instanceof Object[] row ? row : new Object[] {result});
        }
        return rows;
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public static long number(Object value) {
        if (value == null) {
            return 0;
        }
        return ((Number) value).longValue();
    }

    public static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    public static boolean bool(Object value) {
        return Boolean.TRUE.equals(value);
    }

    public static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        throw new IllegalStateException("not a time: " + value.getClass().getName());
    }
}
