package cn.yiyang.funds.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.beds.CareLevel;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 一床一码: a bed line pays bed-days × daily rate × (100 + the care level's uplift) / 100, rounded half up. No door, no store. */
class BedSubsidyTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Test
    void aBedLine_paysDaysTimesRateTimesTheCareLevelsUplift() {
        BedPolicy standard = BedPolicy.DEFAULT;
        BedPolicy odd = new BedPolicy(333L, new BedPolicy.Uplifts(0, 49, 50, BedPolicy.UPLIFT_PERCENT_MAX));
        BedPolicy oneFen = new BedPolicy(1L, new BedPolicy.Uplifts(0, 49, 50, 51));
        Object[][] cases = {
                // policy, days, care level → fen
                {standard, 30, CareLevel.NONE, 30_000L},
                {standard, 30, CareLevel.MILD, 45_000L},
                {standard, 31, CareLevel.MODERATE, 62_000L},
                {standard, 28, CareLevel.SEVERE, 84_000L},
                {standard, 0, CareLevel.SEVERE, 0L},
                {standard, 1, CareLevel.NONE, 1_000L},
                {odd, 1, CareLevel.NONE, 333L},
                {odd, 1, CareLevel.MODERATE, 500L},          // 499.5 rounds up
                {odd, 3, CareLevel.MILD, 1_489L},            // 1,488.51 rounds up
                {odd, 2, CareLevel.MILD, 992L},              // 992.34 rounds down
                {odd, 31, CareLevel.SEVERE, 61_938L},        // six times the rate
                {oneFen, 1, CareLevel.MILD, 1L},             // 1.49
                {oneFen, 1, CareLevel.MODERATE, 2L},         // 1.50
                {oneFen, 1, CareLevel.SEVERE, 2L},           // 1.51
                {new BedPolicy(BedPolicy.DAILY_RATE_FEN_MAX, new BedPolicy.Uplifts(500, 500, 500, 500)), 31, CareLevel.NONE,
                        18_600_000L},
        };
        for (Object[] c : cases) {
            BedPolicy policy = (BedPolicy) c[0];
            assertThat(policy.amountFen((Integer) c[1], (CareLevel) c[2]))
                    .as(c[1] + " days at " + policy.dailyRateFen() + " fen, " + c[2]).isEqualTo(c[3]);
        }
    }

    @Test
    void theMonthsItems_areOnePerInstitution_eachTheSumOfItsBedLines() {
        UUID home = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID hospice = UUID.fromString("00000000-0000-0000-0000-000000000002");
        List<BedPlan.OccupiedDays> occupied = List.of(
                new BedPlan.OccupiedDays(UUID.randomUUID(), "A-101", "r-1", CareLevel.NONE, home, "颐乐院", 31),
                new BedPlan.OccupiedDays(UUID.randomUUID(), "A-102", "r-2", CareLevel.SEVERE, home, "颐乐院", 10),
                new BedPlan.OccupiedDays(UUID.randomUUID(), "H-1", "r-3", CareLevel.MILD, hospice, "安宁院", 3));

        List<PlannedItem> items = BedPlan.items(occupied, MONTH, BedPolicy.DEFAULT);

        assertThat(items).extracting(PlannedItem::payeeAccountId).containsExactly(home, hospice);
        assertThat(items).extracting(PlannedItem::amountFen).containsExactly(31_000L + 30_000L, 4_500L);
        assertThat(items).extracting(PlannedItem::bedDays).containsExactly(41, 3);
        assertThat(items).extracting(PlannedItem::clientKey).containsExactly("beds:2026-10:" + home, "beds:2026-10:" + hospice);
        assertThat(items.get(0).beds()).extracting(BatchItem.BedLine::upliftPercent).containsExactly(0, 200);
        assertThat(items.get(0).payeeName()).isEqualTo("颐乐院");
    }

    @Test
    void aBedPolicy_isRefusedOutsideItsLimits_namingTheField() {
        Object[][] cases = {
                {new BedPolicy(1_000L, new BedPolicy.Uplifts(0, 50, 100, 200)), List.of()},
                {new BedPolicy(0L, new BedPolicy.Uplifts(0, 50, 100, 200)), List.of("dailyRateFen")},
                {new BedPolicy(BedPolicy.DAILY_RATE_FEN_MAX + 1, new BedPolicy.Uplifts(0, 0, 0, 0)), List.of("dailyRateFen")},
                {new BedPolicy(1_000L, null), List.of("upliftPercent")},
                {new BedPolicy(1_000L, new BedPolicy.Uplifts(-1, 50, null, BedPolicy.UPLIFT_PERCENT_MAX + 1)),
                        List.of("upliftPercent.none", "upliftPercent.moderate", "upliftPercent.severe")},
        };
        for (Object[] c : cases) {
            assertThat(((BedPolicy) c[0]).errors()).extracting(e -> e.field()).as(c[0].toString()).isEqualTo(c[1]);
        }
    }
}
