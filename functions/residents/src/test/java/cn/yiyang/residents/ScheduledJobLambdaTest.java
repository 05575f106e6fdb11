package cn.yiyang.residents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.api.DeployStep;
import cn.yiyang.stores.pg.SchemaMigrations;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The nightly purge, invoked as EventBridge invokes it: directly, with the job's v2-shaped event. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class ScheduledJobLambdaTest {

    private final LambdaDoor lambda = LambdaDoor.ofThisTest();

    @Test
    void thePurgeJob_deletesExpiredIdempotencyRecords_andKeepsLiveOnes() {
        String expired = "old-" + UUID.randomUUID();
        String live = "new-" + UUID.randomUUID();
        record(expired, "now() - interval '1 hour'");
        record(live, "now() + interval '47 hours'");

        ApiAnswer answer = lambda.invoke(ResidentsRoutes.PURGE_IDEMPOTENCY.event(List.of(ResidentFixtures.COUNTY)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("runs").get(0).path("status").asInt()).isEqualTo(200);
        assertThat(answer.json().path("runs").get(0).path("answer").asText()).matches("\\{\"purged\":[1-9][0-9]*}");
        assertThat(count(expired)).isZero();
        assertThat(count(live)).isEqualTo(1);
    }

    @Test
    void aJobCannotBeReachedThroughTheApi_norRunForABadCounty() {
        ApiAnswer throughApi = lambda.send(ApiRequest.post(ResidentsRoutes.PURGE_IDEMPOTENCY.path(), "{\"counties\":[\"330105\"]}")
                .bearer(ResidentFixtures.officer(ResidentFixtures.COUNTY)));
        ApiAnswer badCounty = lambda.invoke(ResidentsRoutes.PURGE_IDEMPOTENCY.event(List.of("12345")));

        assertThat(throughApi.status()).isEqualTo(404);
        assertThat(badCounty.status()).isEqualTo(400);
    }

    @Test
    void theDeployStep_migratesEachSchemaSetOfTheFunction_andAgainChangesNothing() {
        long appliedBefore = countMigrations();
        ApiAnswer answer = lambda.invoke(DeployStep.job(SchemaMigrations.STEP).event(List.of(ResidentFixtures.COUNTY)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("runs").get(0).path("status").asInt()).isEqualTo(200);
        // The start already migrated (tests migrate at start; AWS does it in this step): nothing is left to apply.
        assertThat(answer.json().path("runs").get(0).path("answer").asText())
                .isEqualTo("{\"applied\":{\"platform\":0,\"residents\":0}}");
        assertThat(countMigrations()).isEqualTo(appliedBefore).isPositive();
        ApiAnswer throughApi = lambda.send(ApiRequest.post(DeployStep.job(SchemaMigrations.STEP).path(), "{\"counties\":[\"330105\"]}")
                .bearer(ResidentFixtures.officer(ResidentFixtures.COUNTY)));
        assertThat(throughApi.status()).isEqualTo(404);
    }

    private static long countMigrations() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().flatMap(s -> s
                    .createNativeQuery("select count(*) from platform.schema_migration", Long.class).getSingleResult())));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static void record(String key, String expiresAt) {
        run("insert into platform.idempotency_record (function, county, caller, key, fingerprint, status, body, created_at, expires_at) "
                + "values ('residents', '330105', 'officer-test', '" + key + "', repeat('a', 64), 201, '{}', now(), " + expiresAt + ")");
    }

    private static long count(String key) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().flatMap(s -> s
                    .createNativeQuery("select count(*) from platform.idempotency_record where key = ?1", Long.class)
                    .setParameter(1, key).getSingleResult())));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static void run(String sql) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .flatMap(s -> s.createNativeQuery(sql).executeUpdate())));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
