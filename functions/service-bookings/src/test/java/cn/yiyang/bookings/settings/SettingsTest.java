package cn.yiyang.bookings.settings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The county's booking rules an officer may set, without a door: notice and late cancellation up to a week, emergencies within a day. */
class SettingsTest {

    @ParameterizedTest(name = "notice {0}, late cancel {1}, emergency {2}: {3}")
    @CsvSource({
            "120, 120, 30, OK",
            "0, 0, 1, OK",
            "10080, 10080, 1440, OK",
            "-1, 120, 30, settings:OUT_OF_RANGE",
            "10081, 120, 30, settings:OUT_OF_RANGE",
            "120, -1, 30, settings:OUT_OF_RANGE",
            "120, 10081, 30, settings:OUT_OF_RANGE",
            "120, 120, 0, settings:OUT_OF_RANGE",
            "120, 120, 1441, settings:OUT_OF_RANGE",
    })
    void theRules_areWithinTheirRanges(int notice, int lateCancel, int emergency, String expected) {
        assertThat(Outcome.of(() -> new SettingsService.Settings(notice, lateCancel, emergency).check())).isEqualTo(expected);
    }
}
