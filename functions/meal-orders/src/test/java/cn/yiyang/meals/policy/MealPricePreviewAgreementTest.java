package cn.yiyang.meals.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.resident.Category;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The staff console shows an order's price, subsidy and pay before the operator confirms it, as the quote route
 * (priced by the code that charges) answers them. This table of cases is shared with the console: here each case's
 * subsidy is what the function's rules grant; there (functions/console/tests/MealOrderForm.spec.ts) the meal form,
 * given the quote answering that case, shows those figures with the case's plain-Chinese note.
 */
class MealPricePreviewAgreementTest {

    /** The console module's copy of the cases, beside this module in the reactor. */
    private static final Path CASES = Path.of("..", "console", "tests", "meal-pricing-cases.json");

    static Stream<Arguments> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(CASES.toFile());
        SubsidyPolicy policy = policyOf(root.get("policy"));
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            Set<String> categories = new HashSet<>();
            c.get("categories").forEach(n -> categories.add(n.asText()));
            JsonNode use = c.get("use");
            cases.add(Arguments.of(c.get("name").asText(), policy,
                    new SubsidyUse(use.get(0).asBoolean(), use.get(1).asLong(), use.get(2).asLong()),
                    c.get("age").asInt(), categories, c.get("priceFen").asLong(), c.get("subsidyFen").asLong()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFunctionGrantsTheSubsidyTheConsoleShows(String name, SubsidyPolicy policy, SubsidyUse use, int age,
                                                    Set<String> categories, long priceFen, long expectedSubsidyFen) {
        assertThat(SubsidyGrant.of(policy, use, age, categories, priceFen).subsidyFen()).isEqualTo(expectedSubsidyFen);
    }

    private static SubsidyPolicy policyOf(JsonNode p) {
        List<AgeBand> bands = new ArrayList<>();
        p.get("ageBands").forEach(b -> bands.add(new AgeBand(b.get("fromAge").asInt(),
                b.get("toAge").isNull() ? null : b.get("toAge").asInt(), b.get("subsidyFen").asLong())));
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        p.get("categorySubsidyFen").fields().forEachRemaining(e -> byCategory.put(Category.valueOf(e.getKey()), e.getValue().asLong()));
        Set<Category> free = EnumSet.noneOf(Category.class);
        p.get("freeCategories").forEach(n -> free.add(Category.valueOf(n.asText())));
        return new SubsidyPolicy(p.get("version").asInt(), bands, byCategory, free,
                p.get("weeklyMealsMax").asInt(), p.get("monthlyMealsMax").asInt(), null, null);
    }
}
