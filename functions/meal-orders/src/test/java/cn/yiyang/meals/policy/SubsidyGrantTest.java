package cn.yiyang.meals.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * One subsidised meal per resident and slot, and the weekly and monthly caps: a meal beyond them
 * is ordered at full price and counts against no cap.
 */
class SubsidyGrantTest {

    private static final long PRICE_FEN = 1200;

    private static SubsidyPolicy withCaps(Integer weekly, Integer monthly) {
        return new SubsidyPolicy(1, List.of(new AgeBand(80, null, 500)), Map.of(), Set.of(),
                weekly, monthly, null, null);
    }

    @ParameterizedTest(name = "caps {0}/{1}, slot claimed {2}, week {3}, month {4} → {5} fen, counted {6}/{7}")
    @CsvSource(nullValues = "-", value = {
            // no caps: only the slot's one subsidised meal limits
            "-, -, false, 0, 0,   500, false, false",
            "-, -, true,  0, 0,   0,   false, false",
            "-, -, false, 99, 99, 500, false, false",
            // a weekly cap of 3
            "3, -, false, 2, 0,   500, true,  false",
            "3, -, false, 3, 0,   0,   false, false",
            "3, -, true,  0, 0,   0,   false, false",
            // a monthly cap of 10
            "-, 10, false, 0, 9,  500, false, true",
            "-, 10, false, 0, 10, 0,   false, false",
            // both: either reached is enough to pay full price
            "3, 10, false, 1, 5,  500, true,  true",
            "3, 10, false, 3, 5,  0,   false, false",
            "3, 10, false, 1, 10, 0,   false, false"})
    void aSubsidisedMeal_isGrantedOnlyWithinTheSlotAndTheCaps(Integer weekly, Integer monthly, boolean slotClaimed,
                                                            long weekMeals, long monthMeals, long subsidyFen,
                                                            boolean weekCounted, boolean monthCounted) {
        SubsidyGrant grant = SubsidyGrant.of(withCaps(weekly, monthly),
                new SubsidyUse(slotClaimed, weekMeals, monthMeals), 85, Set.of(), PRICE_FEN);

        assertThat(grant).isEqualTo(new SubsidyGrant(subsidyFen, weekCounted, monthCounted));
        assertThat(grant.claimsTheSlot()).isEqualTo(subsidyFen > 0);
    }

    @Test
    void aResidentTheBandsDoNotCover_claimsNothing_andCountsAgainstNoCap() {
        SubsidyGrant grant = SubsidyGrant.of(withCaps(3, 10), SubsidyUse.NONE, 70, Set.of(), PRICE_FEN);

        assertThat(grant).isEqualTo(SubsidyGrant.NONE);
        assertThat(grant.claimsTheSlot()).isFalse();
    }

    @Test
    void a特困Resident_whoseSlotIsTaken_paysFullPriceForTheSecondMeal() {
        SubsidyPolicy free = new SubsidyPolicy(1, List.of(), Map.of(), Set.of(cn.yiyang.kernel.resident.Category.TEKUN),
                null, null, null, null);

        assertThat(SubsidyGrant.of(free, SubsidyUse.NONE, 66, Set.of("TEKUN"), PRICE_FEN).subsidyFen()).isEqualTo(PRICE_FEN);
        assertThat(SubsidyGrant.of(free, new SubsidyUse(true, 0, 0), 66, Set.of("TEKUN"), PRICE_FEN))
                .isEqualTo(SubsidyGrant.NONE);
    }

    @Test
    void aGrant_isNeverNegative_andOnlyASubsidisedMealCountsAgainstACap() {
        assertThatThrownBy(() -> new SubsidyGrant(-1, false, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubsidyGrant(0, true, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubsidyGrant(0, false, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
