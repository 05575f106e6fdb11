package cn.yiyang.stores.pg;

import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.route.Job;
import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The nightly job that deletes a PostgreSQL function's idempotency records once they have
 * expired (DynamoDB's TTL does the same for the DynamoDB functions).
 */
@ApplicationScoped
public class IdempotencyPurge {

    public static final String NAME = "purge-idempotency";

    private final PgOperations pg;

    public IdempotencyPurge(PgOperations pg) {
        this.pg = pg;
    }

    public static Job declare(String function) {
        return new Job(function, NAME, "cron(30 18 * * ? *)",
                "Nightly at 02:30 Asia/Shanghai: delete this function's expired idempotency records");
    }

    /** The purge's work for one county, to bind as the job's handler. */
    public Handler<NoInput> handler(Job job) {
        return pg.transactWith(run -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        delete from platform.idempotency_record
                        where function = ?1 and county = ?2 and expires_at < ?3""")
                        .setParameter(1, job.function()).setParameter(2, run.county())
                        .setParameter(3, OffsetDateTime.ofInstant(run.receivedAt(), ZoneOffset.UTC))
                        .executeUpdate())
                .map(purged -> Reply.ok(Map.of("purged", purged))));
    }
}
