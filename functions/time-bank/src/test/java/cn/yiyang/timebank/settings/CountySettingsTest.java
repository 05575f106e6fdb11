package cn.yiyang.timebank.settings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A county's rules are accepted only within their ranges, consistent with each other, every problem named at once. */
class CountySettingsTest {

    private static final CountySettings D = CountySettings.DEFAULTS;

    @Test
    void theDefaults_areValid_andEarnOnePointAMinute() {
        assertThat(D.validated()).isEqualTo(D);
        assertThat(D.rate("COMPANY")).isEqualTo(1);
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of("dailyMinutesMax", (UnaryOperator<CountySettings>) s -> with(s, 29, s.recordExpiryDays(), s.storageMinutesMax(), s.giftMinutesPerYearMax(), s.ratesPerMinute())),
                Arguments.of("dailyMinutesMax", (UnaryOperator<CountySettings>) s -> with(s, 721, s.recordExpiryDays(), s.storageMinutesMax(), s.giftMinutesPerYearMax(), s.ratesPerMinute())),
                Arguments.of("recordExpiryDays", (UnaryOperator<CountySettings>) s -> with(s, s.dailyMinutesMax(), 0, s.storageMinutesMax(), s.giftMinutesPerYearMax(), s.ratesPerMinute())),
                Arguments.of("recordExpiryDays", (UnaryOperator<CountySettings>) s -> with(s, s.dailyMinutesMax(), 91, s.storageMinutesMax(), s.giftMinutesPerYearMax(), s.ratesPerMinute())),
                Arguments.of("storageMinutesMax", (UnaryOperator<CountySettings>) s -> with(s, s.dailyMinutesMax(), s.recordExpiryDays(), 599, 100, s.ratesPerMinute())),
                Arguments.of("giftMinutesPerYearMax", (UnaryOperator<CountySettings>) s -> with(s, s.dailyMinutesMax(), s.recordExpiryDays(), 600, 601, s.ratesPerMinute())),
                Arguments.of("ratesPerMinute", (UnaryOperator<CountySettings>) s -> with(s, s.dailyMinutesMax(), s.recordExpiryDays(), s.storageMinutesMax(), s.giftMinutesPerYearMax(), Map.of("NURSING", 4))),
                Arguments.of("ratesPerMinute", (UnaryOperator<CountySettings>) s -> with(s, s.dailyMinutesMax(), s.recordExpiryDays(), s.storageMinutesMax(), s.giftMinutesPerYearMax(), Map.of("nursing", 2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void aRuleOutOfItsRange_isRefused_namingItsField(String field, UnaryOperator<CountySettings> change) {
        assertThat(fieldsRefused(change.apply(D))).containsExactly(field);
    }

    @Test
    void volunteerAges_areConsistent_andEveryProblemIsNamedAtOnce() {
        CountySettings bad = new CountySettings(5_000, 0, D.storageMinutesMax(), D.giftMinutesPerYearMax(), 50, 40, 59,
                Map.of());

        assertThat(fieldsRefused(bad)).containsExactlyInAnyOrder("dailyMinutesMax", "recordExpiryDays", "volunteerAgeMax",
                "priorityAgeMin");
    }

    private static CountySettings with(CountySettings s, int daily, int expiry, long storage, long gift,
                                       Map<String, Integer> rates) {
        return new CountySettings(daily, expiry, storage, gift, s.volunteerAgeMin(), s.volunteerAgeMax(), s.priorityAgeMin(),
                rates);
    }

    private static List<String> fieldsRefused(CountySettings settings) {
        try {
            settings.validated();
            return List.of();
        } catch (ApiException e) {
            return e.fieldErrors().stream().map(FieldError::field).toList();
        }
    }
}
