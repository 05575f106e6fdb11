package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.COUNTY;
import static cn.yiyang.residents.ResidentFixtures.OTHER_COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.residents.lookup.LookupBudget;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The nightly purge of hotline look-up budget counters, invoked as EventBridge invokes it, on the real
 * PostgreSQL: counters of windows that ended go, the live hour and day budgets stay exactly as they were
 * and still refuse past their limit.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class LookupBudgetPurgeLambdaTest {

    private final LambdaDoor lambda = LambdaDoor.ofThisTest();

    @Inject
    Clock clock;

    @Test
    void thePurge_deletesCountersOfEndedWindows_keepsTheLiveOnes_andTheLimitsStillHold() {
        String ended = "operator-" + UUID.randomUUID();
        String spentToday = "operator-" + UUID.randomUUID();
        String busy = "operator-" + UUID.randomUUID();
        OffsetDateTime today = CountyTime.localNow(clock).truncatedTo(ChronoUnit.DAYS).atZone(CountyTime.ZONE).toOffsetDateTime();
        counter(COUNTY, ended, "HOUR", today.minusDays(2).plusHours(9), LookupBudget.LOOKUPS_PER_HOUR_MAX);
        counter(COUNTY, ended, "DAY", today.minusDays(2), LookupBudget.LOOKUPS_PER_DAY_MAX);
        counter(OTHER_COUNTY, ended, "DAY", today.minusDays(2), LookupBudget.LOOKUPS_PER_DAY_MAX);
        counter(COUNTY, spentToday, "DAY", today, LookupBudget.LOOKUPS_PER_DAY_MAX);
        assertThat(lookUp(busy).status()).isEqualTo(200);
        Map<String, Integer> liveBefore = counters(COUNTY, spentToday, busy);

        ApiAnswer run = lambda.invoke(ResidentsRoutes.PURGE_LOOKUP_BUDGETS.event(List.of(COUNTY)));

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().path("runs").get(0).path("status").asInt()).isEqualTo(200);
        assertThat(run.json().path("runs").get(0).path("answer").asText()).matches("\\{\"purged\":([2-9]|[1-9][0-9]+),\"more\":false}|\\{\"more\":false,\"purged\":([2-9]|[1-9][0-9]+)}");
        assertThat(counters(COUNTY, ended)).isEmpty();
        assertThat(counters(OTHER_COUNTY, ended)).as("another county's counters wait for its own run").hasSize(1);
        assertThat(counters(COUNTY, spentToday, busy)).isEqualTo(liveBefore).hasSize(3);

        ApiAnswer refused = lookUp(spentToday);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("LOOKUP_LIMIT_REACHED");
        assertThat(lookUp(busy).status()).isEqualTo(200);
        assertThat(counters(COUNTY, busy).values()).containsOnly(2);
    }

    private ApiAnswer lookUp(String operator) {
        return lambda.send(ApiRequest.get("/v1/residents").query("phone", TestPeople.phone())
                .bearer(Tokens.of(COUNTY, operator, Role.OPERATOR)));
    }

    private static void counter(String county, String actor, String window, OffsetDateTime start, int used) {
        PiiDisclosures.execute("insert into residents.lookup_budget (county, actor, window_kind, window_start, used) values ('"
                + county + "', '" + actor + "', '" + window + "', '" + start + "'::timestamptz, " + used + ")");
    }

    /** Each counter of these callers in the county, {@code actor/window/start → used}. */
    private static Map<String, Integer> counters(String county, String... actors) {
        try {
            List<Object[]> rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .flatMap(s -> s.createNativeQuery("select actor, window_kind, window_start::text, used from residents.lookup_budget"
                                    + " where county = ?1 and actor = any(?2)", Object[].class)
                            .setParameter(1, county).setParameter(2, actors).getResultList())));
            Map<String, Integer> counters = new TreeMap<>();
            rows.forEach(row -> counters.put(row[0] + "/" + row[1] + "/" + row[2], ((Number) row[3]).intValue()));
            return counters;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
