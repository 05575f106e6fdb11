package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.auditor;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static cn.yiyang.funds.FundFixtures.payee;
import static cn.yiyang.funds.FundFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The auditors' CSV in pages small enough for a Lambda answer (6 MB), through the Lambda door, on a
 * month whose transfers carry the longest memos and cause references the ledger allows, all quotes
 * (the costliest character: doubled by CSV, escaped again by the Lambda's JSON).
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class TransferCsvPagingLambdaTest {

    private static final int LAMBDA_RESPONSE_BYTES_MAX = 6 * 1024 * 1024;
    private static final int COPIES = 6_000;

    private final LambdaDoor door = LambdaDoor.ofThisTest();

    @Test
    void aMonthOfWorstCaseRows_comesInPagesUnderTheLambdaLimit_thatTogetherHoldEveryTransferOnce() {
        String county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        String budget = fundedBudget(door, county, "MEAL_SUBSIDY", 1_000_000);
        String point = payee(door, county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-csv");
        String original = expect(door.send(payment(county, budget, point, 100)), 201).json().path("id").asText();
        // Copies of one payment, three to a microsecond so the keyset's tie on created_at is crossed by pages.
        FundProbe.tamper("""
                insert into funds.transfer (id, county, client_key, fund_line_id, debit_account_id, credit_account_id, amount_fen,
                  kind, cause_type, cause_ref, memo, maker, required_approvals, created_at, expires_at)
                select gen_random_uuid(), county, client_key || '-' || n, fund_line_id, debit_account_id, credit_account_id, 1,
                  'PAYMENT', 'OTHER', repeat('"', 200), repeat('"', 200), maker, 1,
                  created_at + (n / 3) * interval '1 microsecond', expires_at
                from funds.transfer, generate_series(1, %d) n where id = ?1""".formatted(COPIES), java.util.UUID.fromString(original));
        int expected = COPIES + 2; // and the appropriation and the payment itself

        List<ApiAnswer> pages = new ArrayList<>();
        String cursor = null;
        do {
            ApiRequest request = ApiRequest.get("/v1/fund-reports/transfers-csv")
                    .query("month", YearMonth.now(CountyTime.ZONE).toString()).bearer(auditor(county));
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            ApiAnswer page = expect(door.send(request), 200);
            pages.add(page);
            cursor = page.header("x-next-cursor");
        } while (cursor != null && pages.size() < 20);

        Set<String> ids = new HashSet<>();
        int rows = 0;
        for (ApiAnswer page : pages) {
            assertThat(Integer.parseInt(page.header(LambdaDoor.RESPONSE_BYTES))).as("a Lambda answer's size").isLessThan(LAMBDA_RESPONSE_BYTES_MAX);
            String[] lines = page.body().split("\r\n");
            assertThat(lines[0]).as("every page is a CSV file with its header").startsWith("transfer_id,created_at,fund_line,");
            for (int i = 1; i < lines.length; i++) {
                assertThat(ids.add(lines[i].substring(0, 36))).as("a transfer on two pages").isTrue();
                rows++;
            }
            assertThat(page.header("x-rows")).isEqualTo(Integer.toString(lines.length - 1));
        }
        System.out.println("transfers CSV: " + rows + " rows in " + pages.size() + " pages of "
                + pages.stream().map(p -> p.header("x-rows") + " rows / " + p.header(LambdaDoor.RESPONSE_BYTES) + " B").toList());
        assertThat(pages.size()).as("the month needs several pages").isGreaterThan(2);
        assertThat(rows).as("every transfer of the month, once").isEqualTo(expected);
        assertThat(ids).contains(original);
    }

    @Test
    void aCursorThatNoPageGave_isRefusedWith400() {
        ApiAnswer answer = door.send(ApiRequest.get("/v1/fund-reports/transfers-csv").query("month", "2026-11")
                .query("cursor", "not-a-cursor").bearer(auditor(FundFixtures.newCounty())));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("code").asText()).isEqualTo("BAD_CURSOR");
    }
}
