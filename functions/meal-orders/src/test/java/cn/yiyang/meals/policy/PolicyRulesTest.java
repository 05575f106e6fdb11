package cn.yiyang.meals.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.resident.Category;
import cn.yiyang.meals.Outcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a published policy must be, input → the field codes it is refused with. */
class PolicyRulesTest {

    private static final List<AgeBand> BANDS = List.of(new AgeBand(60, 79, 300), new AgeBand(80, null, 500));

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("the county's policy", new PolicyRequests.Publish(BANDS, Map.of(Category.DIBAO, 600L),
                        null, 5, 20), Outcome.OK),
                Arguments.of("no bands at all", new PolicyRequests.Publish(List.of(), null, null, null, null), Outcome.OK),
                Arguments.of("bands missing", new PolicyRequests.Publish(null, null, null, null, null),
                        Outcome.refused("VALIDATION_FAILED", "ageBands:REQUIRED")),
                Arguments.of("eleven bands", new PolicyRequests.Publish(java.util.Collections.nCopies(11,
                        new AgeBand(60, null, 100)), null, null, null, null),
                        Outcome.refused("VALIDATION_FAILED", "ageBands:REQUIRED")),
                Arguments.of("a band ending before it starts", new PolicyRequests.Publish(List.of(new AgeBand(80, 79, 100)),
                        null, null, null, null), Outcome.refused("VALIDATION_FAILED", "ageBands[0]:BAD_BAND")),
                Arguments.of("a negative age", new PolicyRequests.Publish(List.of(new AgeBand(-1, null, 100)),
                        null, null, null, null), Outcome.refused("VALIDATION_FAILED", "ageBands[0]:BAD_BAND")),
                Arguments.of("a band above ¥100", new PolicyRequests.Publish(List.of(new AgeBand(60, null, 10_001)),
                        null, null, null, null), Outcome.refused("VALIDATION_FAILED", "ageBands[0]:BAD_BAND")),
                Arguments.of("a negative category amount", new PolicyRequests.Publish(BANDS, Map.of(Category.DIBAO, -1L),
                        null, null, null), Outcome.refused("VALIDATION_FAILED", "categorySubsidyFen.DIBAO:BAD_AMOUNT")),
                Arguments.of("caps of zero and 201", new PolicyRequests.Publish(BANDS, null, null, 0, 201),
                        Outcome.refused("VALIDATION_FAILED", "weeklyMealsMax:OUT_OF_RANGE", "monthlyMealsMax:OUT_OF_RANGE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void aPolicy_isCheckedFieldByField(String name, PolicyRequests.Publish request, Outcome expected) {
        assertThat(Outcome.of(() -> PolicyRules.check(request))).isEqualTo(expected);
    }
}
