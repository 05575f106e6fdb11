package cn.yiyang.funds.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.problem.ApiException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which months a batch may be made for, and which fields a policy of each kind takes. No door, no store. */
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

    @Test
    void aPolicyChange_takesOnlyTheFieldsOfItsKind() {
        List<AllowancePolicy.Band> bands = List.of(new AllowancePolicy.Band(80, null, 5_000L));
        BedPolicy.Uplifts uplifts = new BedPolicy.Uplifts(0, 50, 100, 200);
        CaregiverPostPolicy.Rates rates = new CaregiverPostPolicy.Rates(200L, 300L, 400L, 500L);
        Object[][] cases = {
                // kind, the request → the fields refused
                {BatchKind.ALLOWANCE, new BatchRequests.PolicyChange("allowance", bands, null, null, null, null), List.of()},
                {BatchKind.ALLOWANCE, new BatchRequests.PolicyChange("allowance", bands, 1_000L, uplifts, null, null),
                        List.of("dailyRateFen:UNKNOWN_FIELD", "upliftPercent:UNKNOWN_FIELD")},
                {BatchKind.ALLOWANCE, new BatchRequests.PolicyChange("allowance", List.of(), null, null, null, null),
                        List.of("bands:OUT_OF_RANGE")},
                {BatchKind.BED, new BatchRequests.PolicyChange("beds", null, 1_000L, uplifts, null, null), List.of()},
                {BatchKind.BED, new BatchRequests.PolicyChange("beds", bands, 1_000L, uplifts, null, null), List.of("bands:UNKNOWN_FIELD")},
                {BatchKind.BED, new BatchRequests.PolicyChange("beds", null, 1_000L, null, null, null), List.of("upliftPercent:REQUIRED")},
                {BatchKind.BED, new BatchRequests.PolicyChange("beds", null, 1_000L, uplifts, "2026-11-01", null),
                        List.of("effectiveFrom:UNKNOWN_FIELD")},
                {BatchKind.CAREGIVER_POST, new BatchRequests.PolicyChange("caregiver-posts", null, null, null, "2026-11-16", rates),
                        List.of()},
                {BatchKind.CAREGIVER_POST, new BatchRequests.PolicyChange("caregiver-posts", null, 1_000L, null, "2026-11-16", rates),
                        List.of("dailyRateFen:UNKNOWN_FIELD")},
                {BatchKind.CAREGIVER_POST, new BatchRequests.PolicyChange("caregiver-posts", null, null, null, "2026-13-01",
                        new CaregiverPostPolicy.Rates(200L, 0L, 400L, null)),
                        List.of("effectiveFrom:BAD_DATE", "ratesFen.intermediate:OUT_OF_RANGE", "ratesFen.technician:OUT_OF_RANGE")},
        };
        for (Object[] c : cases) {
            List<String> refused;
            try {
                Object policy = BatchPolicies.policyOf((BatchKind) c[0], (BatchRequests.PolicyChange) c[1]);
                assertThat(policy).isInstanceOf(switch ((BatchKind) c[0]) {
                    case ALLOWANCE -> AllowancePolicy.class;
                    case BED -> BedPolicy.class;
                    case CAREGIVER_POST -> CaregiverPostPolicy.class;
                });
                refused = List.of();
            } catch (ApiException e) {
                refused = e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
            }
            assertThat(refused).as(c[1].toString()).isEqualTo(c[2]);
        }
    }

    @Test
    void aBatch_holdsOneToTwoHundredThousandItems_moreIsTooLarge_noneIsEmpty() {
        YearMonth month = YearMonth.of(2026, 11);
        Object[][] cases = {
                {0, "BATCH_EMPTY"},
                {1, "FITS"},
                {BatchService.ITEMS_PER_BATCH_MAX, "FITS"},
                {BatchService.ITEMS_PER_BATCH_MAX + 1, "BATCH_TOO_LARGE"},
        };
        for (Object[] c : cases) {
            String outcome;
            try {
                BatchRules.checkItemCount((int) c[0], month);
                outcome = "FITS";
            } catch (ApiException refused) {
                outcome = refused.code().name();
            }
            assertThat(outcome).as(c[0] + " items").isEqualTo(c[1]);
        }
        assertThat(BatchService.ITEMS_PER_BATCH_MAX).isEqualTo(200_000);
    }
}
