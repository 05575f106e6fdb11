package cn.yiyang.stores.pg;

import cn.yiyang.gateway.dispatch.JobBinding;
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

    public JobBinding bind(Job job) {
        return new JobBinding(job, pg.write(call -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        delete from platform.idempotency_record
                        where function = ?1 and county = ?2 and expires_at < ?3""")
                        .setParameter(1, job.function()).setParameter(2, call.county())
                        .setParameter(3, OffsetDateTime.ofInstant(call.receivedAt(), ZoneOffset.UTC))
                        .executeUpdate())
                .map(purged -> Reply.ok(Map.of("purged", purged)))));
    }
}
