package cn.yiyang.funds.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.problem.ApiException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Which months a batch may be made for. No door, no store. */
class BatchRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static String check(String kind, String month) {
        try {
            BatchRules.checkMonthOpen(BatchRules.kind(kind), BatchRules.month(month), TODAY);
            return "OPEN";
        } catch (ApiException refused) {
            return refused.code().name();
        }
    }

    @Test
    void anAllowance_isForThisMonthOrATwelveBefore_aBedSubsidyOnlyForAFinishedOne() {
        Object[][] cases = {
                {"ALLOWANCE", "2026-11", "OPEN"},
                {"allowance", "2025-11", "OPEN"},
                {"ALLOWANCE", "2026-12", "BATCH_MONTH_NOT_OPEN"},
                {"ALLOWANCE", "2025-10", "BATCH_MONTH_NOT_OPEN"},
                {"BED", "2026-11", "BATCH_MONTH_NOT_OPEN"},
                {"BED", "2026-10", "OPEN"},
                {"BED", "2025-11", "OPEN"},
                {"BED", "2025-10", "BATCH_MONTH_NOT_OPEN"},
                {"SALARY", "2026-11", "VALIDATION_FAILED"},
                {null, "2026-11", "VALIDATION_FAILED"},
                {"ALLOWANCE", "2026-13", "VALIDATION_FAILED"},
                {"ALLOWANCE", "2026/11", "VALIDATION_FAILED"},
                {"ALLOWANCE", "202611", "VALIDATION_FAILED"},
                {"ALLOWANCE", null, "VALIDATION_FAILED"},
        };
        for (Object[] c : cases) {
            assertThat(check((String) c[0], (String) c[1])).as(c[0] + " " + c[1]).isEqualTo(c[2]);
        }
        assertThat(BatchRules.month("2026-02")).isEqualTo(YearMonth.of(2026, 2));
    }
}
