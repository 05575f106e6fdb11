package cn.yiyang.bench;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The capacity reservation the service-bookings Lambda makes for one booking, issued directly on
 * the same PostgreSQL with the reactive client the function uses underneath Hibernate Reactive
 * (Vert.x pg client, pool of 2 like {@code quarkus.datasource.reactive.max-size}): per booking one
 * transaction of {@code insert into bookings.provider_window ... on conflict do nothing} and the
 * guarded {@code update ... set booked = booked + 1 where ... and booked < capacity}, whose row count
 * must be 1; optionally followed, in the same transaction, by the insert of a {@code bookings.booking}
 * row with the columns the function writes. The rows are the bench's own: each baseline has its own
 * provider, registered in a county the Lambda is never asked about, so the function never sees them.
 */
final class RawBookingCalls implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final String INSERT_WINDOW = """
            insert into bookings.provider_window (provider_id, window_start, capacity, booked)
            values ($1, $2, $3, 0) on conflict do nothing""";
    private static final String RESERVE = """
            update bookings.provider_window set booked = booked + 1
            where provider_id = $1 and window_start = $2 and booked < capacity""";
    private static final String INSERT_BOOKING = """
            insert into bookings.booking (id, county, resident_id, service_code, provider_id, starts_at, duration_minutes,
              window_start, address, price_fen, subsidy_fen, pay_fen, emergency, status, channel, booked_by,
              confirmation_code, created_at, updated_at, version)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 0)""";

    /** What each inserted booking row says besides its resident, provider and time: the Lambda's CLEAN booking. */
    record BookingShape(String county, String serviceCode, int durationMinutes, long priceFen, String address,
                        String channel, String bookedBy) {
    }

    private final Vertx vertx;
    private final Pool pool;
    private final int capacity;

    RawBookingCalls(Map<String, String> stores, int capacity) {
        this.vertx = Vertx.vertx();
        this.pool = PgPool.pool(vertx, PgConnectOptions.fromUri(stores.get("quarkus.datasource.reactive.url"))
                .setUser(LambdaChild.pgUser(stores)).setPassword(LambdaChild.pgPassword(stores)),
                new PoolOptions().setMaxSize(2));
        this.capacity = capacity;
    }

    /** A provider row of the bench's own, with the window capacity, in a county of its own. */
    UUID provider(String county, String name) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                        insert into bookings.provider (id, county, name, streets, services, window_capacity, created_at)
                        values ($1, $2, $3, $4, 'CLEAN', $5, now())""")
                .execute(Tuple.of(id, county, name, county + "001", capacity)).await().atMost(CALL_TIMEOUT);
        return id;
    }

    /** One transaction: the window row if missing, then the guarded UPDATE, which must take a place. */
    void reserve(UUID provider, OffsetDateTime startsAt) {
        pool.withTransaction(conn -> reserve(conn, provider, window(startsAt))).await().atMost(CALL_TIMEOUT);
    }

    /** One transaction: the reservation, then the booking row. */
    void reserveAndRecord(UUID provider, OffsetDateTime startsAt, String residentId, BookingShape shape) {
        OffsetDateTime window = window(startsAt);
        OffsetDateTime now = OffsetDateTime.now();
        Tuple booking = Tuple.tuple().addUUID(UUID.randomUUID()).addString(shape.county()).addString(residentId)
                .addString(shape.serviceCode()).addUUID(provider).addOffsetDateTime(startsAt)
                .addInteger(shape.durationMinutes()).addOffsetDateTime(window).addString(shape.address())
                .addLong(shape.priceFen()).addLong(0L).addLong(shape.priceFen()).addBoolean(false).addString("REQUESTED")
                .addString(shape.channel()).addString(shape.bookedBy()).addString(String.format("%06d",
                        ThreadLocalRandom.current().nextInt(1_000_000)))
                .addOffsetDateTime(now).addOffsetDateTime(now);
        pool.withTransaction(conn -> reserve(conn, provider, window)
                        .chain(() -> conn.preparedQuery(INSERT_BOOKING).execute(booking)))
                .await().atMost(CALL_TIMEOUT);
    }

    private Uni<RowSet<Row>> reserve(SqlConnection conn, UUID provider, OffsetDateTime window) {
        return conn.preparedQuery(INSERT_WINDOW).execute(Tuple.of(provider, window, capacity))
                .chain(() -> conn.preparedQuery(RESERVE).execute(Tuple.of(provider, window)))
                .invoke(updated -> {
                    if (updated.rowCount() != 1) {
                        throw new IllegalStateException("the guarded UPDATE took no place in " + window + " for " + provider);
                    }
                });
    }

    /** Places booked, over all windows, and booking rows, for this provider. */
    long[] taken(UUID provider) {
        var row = pool.preparedQuery("""
                        select (select coalesce(sum(booked), 0) from bookings.provider_window where provider_id = $1),
                               (select count(*) from bookings.booking where provider_id = $1)""")
                .execute(Tuple.of(provider)).await().atMost(CALL_TIMEOUT).iterator().next();
        return new long[] {row.getLong(0), row.getLong(1)};
    }

    /** Capacity is counted per provider and clock hour, in UTC, as the function counts it. */
    static OffsetDateTime window(OffsetDateTime startsAt) {
        return startsAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    }

    @Override
    public void close() {
        pool.close().await().atMost(CALL_TIMEOUT);
        vertx.close().await().atMost(CALL_TIMEOUT);
    }
}
