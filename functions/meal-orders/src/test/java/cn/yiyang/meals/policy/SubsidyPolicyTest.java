package cn.yiyang.meals.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.resident.Category;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A meal's subsidy: the larger of the age band's and the categories' amounts, never above the price; 特困 pays nothing. */
class SubsidyPolicyTest {

    /** 60–79 ¥3, 80–89 ¥5, 90+ ¥8; 低保 and 失能 ¥6; 特困 free. */
    static final SubsidyPolicy COUNTY = new SubsidyPolicy(3,
            List.of(new AgeBand(60, 79, 300), new AgeBand(80, 89, 500), new AgeBand(90, null, 800)),
            Map.of(Category.DIBAO, 600L, Category.SHINENG, 600L), Set.of(Category.TEKUN), null, null, null, null);

    @ParameterizedTest(name = "age {0}, categories [{1}], price {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // age bands, both ends of each
            "59  | -              | 1200 | 0",
            "60  | -              | 1200 | 300",
            "79  | -              | 1200 | 300",
            "80  | -              | 1200 | 500",
            "89  | -              | 1200 | 500",
            "90  | -              | 1200 | 800",
            "104 | -              | 1200 | 800",
            // categories: the larger of band and category
            "59  | DIBAO          | 1200 | 600",
            "70  | SHINENG        | 1200 | 600",
            "85  | DIBAO          | 1200 | 600",
            "92  | DIBAO          | 1200 | 800",
            "70  | DUJU           | 1200 | 300",
            "70  | DIBAO,SHINENG  | 1200 | 600",
            // never above the price
            "92  | -              | 800  | 800",
            "92  | -              | 500  | 500",
            "70  | DIBAO          | 450  | 450",
            // 特困 pays nothing, whatever the age or the price
            "66  | TEKUN          | 2400 | 2400",
            "45  | TEKUN          | 90   | 90",
            "95  | TEKUN,DIBAO    | 5000 | 5000"})
    void theSubsidy_followsTheCountysTable(int age, String categories, long priceFen, long expectedFen) {
        Set<String> held = categories == null ? Set.of() : Set.of(categories.split(","));

        assertThat(COUNTY.subsidyFor(age, held, priceFen)).isEqualTo(expectedFen);
    }

    @Test
    void overlappingBands_giveTheLargerAmount() {
        SubsidyPolicy overlapping = new SubsidyPolicy(1, List.of(new AgeBand(60, null, 200), new AgeBand(80, 89, 500)),
                Map.of(), Set.of(), null, null, null, null);

        assertThat(overlapping.subsidyFor(85, Set.of(), 1200)).isEqualTo(500);
        assertThat(overlapping.subsidyFor(95, Set.of(), 1200)).isEqualTo(200);
    }

    @Test
    void withNoPolicyYet_nobodyIsSubsidised() {
        assertThat(SubsidyPolicy.NONE.subsidyFor(95, Set.of("TEKUN", "DIBAO"), 1200)).isZero();
    }
}
