package cn.yiyang.funds.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.cards.residents.ResidentCard;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 高龄津贴: the age reached at month end picks the band and its monthly amount. No door, no store. */
class AllowanceBandsTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    private static AllowancePolicy.Band band(Integer from, Integer to, Long fen) {
        return new AllowancePolicy.Band(from, to, fen);
    }

    @Test
    void eachAge_fallsInItsBand_atTheBandsAmount() {
        Object[][] cases = {
                // age → amount in fen (null: no band)
                {60, null}, {79, null}, {80, 5_000L}, {85, 5_000L}, {89, 5_000L}, {90, 10_000L}, {99, 10_000L},
                {100, 30_000L}, {120, 30_000L},
        };
        for (Object[] c : cases) {
            Long amount = AllowancePolicy.DEFAULT.bandFor((Integer) c[0]).map(AllowancePolicy.Band::amountFen).orElse(null);
            assertThat(amount).as("age " + c[0]).isEqualTo(c[1]);
        }
        assertThat(AllowancePolicy.DEFAULT.youngestAge()).isEqualTo(80);
        assertThat(AllowancePolicy.DEFAULT.bands()).extracting(AllowancePolicy.Band::label).containsExactly("80-89", "90-99", "100+");
    }

    @Test
    void aPolicy_isRefusedWhenItsBandsAreOutOfRangeOrOverlap() {
        Object[][] cases = {
                {List.of(band(80, 89, 5_000L), band(90, null, 9_000L)), List.of()},
                {List.of(), List.of("bands")},
                {null, List.of("bands")},
                {java.util.Collections.nCopies(AllowancePolicy.BANDS_MAX + 1, band(80, null, 1L)), List.of("bands")},
                {List.of(band(80, 95, 5_000L), band(90, null, 9_000L)), List.of("bands")},
                {List.of(band(80, null, 5_000L), band(90, null, 9_000L)), List.of("bands")},
                {List.of(band(59, null, 5_000L)), List.of("bands[0].fromAge")},
                {List.of(band(80, 79, 5_000L)), List.of("bands[0].toAge")},
                {List.of(band(80, AllowancePolicy.AGE_MAX + 1, 5_000L)), List.of("bands[0].toAge")},
                {List.of(band(80, null, 0L)), List.of("bands[0].amountFen")},
                {List.of(band(80, null, AllowancePolicy.BAND_AMOUNT_FEN_MAX + 1)), List.of("bands[0].amountFen")},
                {List.of(band(80, 89, 1L), band(null, null, null)), List.of("bands[1].fromAge", "bands[1].amountFen")},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            AllowancePolicy policy = new AllowancePolicy((List<AllowancePolicy.Band>) c[0]);
            assertThat(policy.errors()).extracting(e -> e.field()).as(String.valueOf(c[0])).isEqualTo(c[1]);
        }
    }

    @Test
    void theMonthsPlan_paysEveryActiveResidentInABand_byTheirAgeOnTheMonthsLastDay() {
        List<ResidentCard> cards = List.of(
                card("r-4", LocalDate.of(1936, 5, 2), "ACTIVE"),      // 90
                card("r-1", LocalDate.of(1946, 11, 30), "ACTIVE"),    // 80 on the last day of the month
                card("r-2", LocalDate.of(1946, 12, 1), "ACTIVE"),     // 79 until December
                card("r-3", LocalDate.of(1926, 1, 1), "DECEASED"),    // 100, not active
                card("r-5", LocalDate.of(1925, 6, 30), "ACTIVE"));    // 101

        List<PlannedItem> items = AllowancePlan.of(cards, AllowancePolicy.DEFAULT, MONTH);

        assertThat(items).extracting(PlannedItem::residentId).containsExactly("r-1", "r-4", "r-5");
        assertThat(items).extracting(PlannedItem::age).containsExactly(80, 90, 101);
        assertThat(items).extracting(PlannedItem::band).containsExactly("80-89", "90-99", "100+");
        assertThat(items).extracting(PlannedItem::amountFen).containsExactly(5_000L, 10_000L, 30_000L);
        assertThat(items).extracting(PlannedItem::clientKey).containsExactly("allowance:2026-11:r-1", "allowance:2026-11:r-4",
                "allowance:2026-11:r-5");
    }

    private static ResidentCard card(String id, LocalDate born, String status) {
        return new ResidentCard("330105", id, "居民" + id, born, Set.of(), null, status, "330105001", "文三路 1 号", "138****5678",
                Set.of());
    }
}
