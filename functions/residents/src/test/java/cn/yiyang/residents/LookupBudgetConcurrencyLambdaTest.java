package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.residents.lookup.LookupBudget;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.InProcessLambdaDoor;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The look-up budget under a concurrent burst from one caller, against the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class LookupBudgetConcurrencyLambdaTest {

    static final int CLIENTS = 25;
    static final int LOOKUPS_PER_CLIENT = 4;

    @Inject
    ApiDispatcher dispatcher;

    @Test
    void aConcurrentBurstOfLookUps_byOneCaller_isAnsweredExactlyTheHourlyBudget_andLogsExactlyThose() {
        String phone = TestPeople.phone(); // a look-up spends the budget whether or not it matches
        String subject = "operator-" + UUID.randomUUID();
        String operator = Tokens.of(COUNTY, subject, Role.OPERATOR);
        RetryingClient client = RetryingClient.around(new InProcessLambdaDoor(dispatcher));

        List<ApiAnswer> answers = Concurrently.run(CLIENTS, c -> IntStream.range(0, LOOKUPS_PER_CLIENT)
                .mapToObj(i -> client.send(ApiRequest.get("/v1/residents").query("phone", phone).bearer(operator)))
                .toList()).stream().flatMap(List::stream).toList();

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(ApiAnswer::status, Collectors.counting()));
        int burst = CLIENTS * LOOKUPS_PER_CLIENT;
        assertThat(burst).isGreaterThan(LookupBudget.LOOKUPS_PER_HOUR_MAX);
        assertThat(byStatus).as(byStatus.toString()).isEqualTo(Map.of(
                200, (long) LookupBudget.LOOKUPS_PER_HOUR_MAX, 429, (long) (burst - LookupBudget.LOOKUPS_PER_HOUR_MAX)));
        assertThat(answers.stream().filter(a -> a.status() == 429).map(ApiAnswer::code).distinct().toList())
                .containsExactly("LOOKUP_LIMIT_REACHED");
        assertThat(PiiDisclosures.countBy(COUNTY, subject)).isEqualTo(LookupBudget.LOOKUPS_PER_HOUR_MAX);
        System.out.println(getClass().getSimpleName() + ": " + client.retries() + " requests sent again (503 or not yet decided)");
    }
}
