package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.approve;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.officer;
import static cn.yiyang.funds.FundFixtures.payee;
import static cn.yiyang.funds.FundFixtures.payment;
import static cn.yiyang.funds.FundFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's burn: a line's budget against what it paid, month by month, from real transfers posted in those months. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class BudgetBurnLambdaTest {

    private final LambdaDoor door = LambdaDoor.ofThisTest();
    private final String county = FundFixtures.newCounty();

    @AfterEach
    void realTime() {
        MutableClock.INSTANCE.reset();
    }

    /**
     * ¥10,000 appropriated in February; ¥2,000 and ¥500 paid in March, ¥1,000 in May, a ¥300 payment
     * left pending; the ¥500 reversed in June; next year's budget apart. Spent by December: ¥3,000.
     */
    @Test
    void theBurn_isEachMonthsPostedPaymentsLessReversals_cumulatedAgainstTheAppropriatedBudget() {
        FundFixtures.installLines(door, county);
        on(2, 10);
        String budget = FundFixtures.fundedBudget(door, county, "MEAL_SUBSIDY", 1_000_000);
        String point = payee(door, county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-burn");
        on(3, 5);
        paid(budget, point, 200_000);
        on(3, 20);
        String corrected = paid(budget, point, 50_000);
        on(5, 2);
        paid(budget, point, 100_000);
        expect(door.send(payment(county, budget, point, 30_000)), 201);
        on(6, 1);
        String reversal = expect(door.send(step(county, corrected, "reverse", officer(county), "{}")), 201).json().path("id").asText();
        expect(door.send(approve(county, reversal)), 200);
        expect(door.send(ApiRequest.post("/v1/appropriations", """
                {"fundLine":"MEAL_SUBSIDY","fiscalYear":%d,"amountFen":777}""".formatted(FundFixtures.FISCAL_YEAR + 1))
                .bearer(officer(county)).idempotencyKey(FundFixtures.key("next-year"))), 201);
        MutableClock.INSTANCE.reset();

        JsonNode burn = expect(door.send(burn(Role.AUDITOR)), 200).json();

        JsonNode meals = line(burn, "MEAL_SUBSIDY");
        assertThat(burn.path("items")).hasSize(6);
        assertThat(meals.path("budgetFen").asLong()).isEqualTo(1_000_000);
        assertThat(meals.path("spentFen").asLong()).isEqualTo(300_000);
        assertThat(column(meals, "spentFen")).containsExactly(0L, 0L, 250_000L, 0L, 100_000L, -50_000L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(column(meals, "cumulativeSpentFen"))
                .containsExactly(0L, 0L, 250_000L, 250_000L, 350_000L, 300_000L, 300_000L, 300_000L, 300_000L, 300_000L, 300_000L,
                        300_000L);
        assertThat(column(meals, "cumulativeBudgetFen").subList(0, 3)).containsExactly(0L, 1_000_000L, 1_000_000L);
        assertThat(meals.path("months").get(0).path("month").asText()).isEqualTo(FundFixtures.FISCAL_YEAR + "-01");
        assertThat(line(burn, "SERVICE_SUBSIDY").path("budgetFen").asLong()).isZero();
        assertThat(door.send(burn(Role.OPERATOR)).status()).isEqualTo(403);
        assertThat(door.send(ApiRequest.get("/v1/fund-reports/burn").bearer(officer(county))).code()).isEqualTo("MISSING_PARAMETER");
    }

    private String paid(String budget, String point, long amountFen) {
        String id = expect(door.send(payment(county, budget, point, amountFen)), 201).json().path("id").asText();
        expect(door.send(approve(county, id)), 200);
        return id;
    }

    private static void on(int month, int day) {
        MutableClock.INSTANCE.setTo(LocalDate.of(FundFixtures.FISCAL_YEAR, month, day).atTime(10, 0).atZone(CountyTime.ZONE).toInstant());
    }

    private ApiRequest burn(Role role) {
        return ApiRequest.get("/v1/fund-reports/burn").query("fiscalYear", Integer.toString(FundFixtures.FISCAL_YEAR))
                .bearer(Tokens.of(county, role.name().toLowerCase() + "-1", role));
    }

    private static JsonNode line(JsonNode burn, String code) {
        for (JsonNode line : burn.path("items")) {
            if (line.path("fundLine").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no line " + code);
    }

    private static List<Long> column(JsonNode line, String field) {
        List<Long> values = new ArrayList<>();
        line.path("months").forEach(m -> values.add(m.path(field).asLong()));
        return values;
    }
}
