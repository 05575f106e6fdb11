package cn.yiyang.bookings.providers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.Outcome;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a provider and a caregiver must be to be registered, without a door. */
class ProviderInputTest {

    private static final String COUNTY = "330105";
    private static final List<String> STREETS = List.of("330105001");
    private static final List<String> SERVICES = List.of("BATH", "CLEAN");

    @ParameterizedTest(name = "window capacity {0}: {1}")
    @CsvSource({
            "0, windowCapacity:OUT_OF_RANGE",
            "1, OK",
            "1000, OK",
            "1001, windowCapacity:OUT_OF_RANGE",
    })
    void aProvider_takesOneToAThousandBookingsAnHour(int capacity, String expected) {
        assertThat(Outcome.of(() -> ProviderInput.check(
                new ProviderRequests.NewProvider("颐康", STREETS, SERVICES, capacity), COUNTY))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "streets {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "330105001 330105002 | OK",
            "320303001           | streets:BAD_STREETS",
            "33010500            | streets:BAD_STREETS",
            "3301050011          | streets:BAD_STREETS",
            "33010500A           | streets:BAD_STREETS",
    })
    void aProvider_servesStreetsOfTheCallersCountyOnly(String streets, String expected) {
        assertThat(Outcome.of(() -> ProviderInput.check(
                new ProviderRequests.NewProvider("颐康", List.of(streets.split(" ")), SERVICES, 10), COUNTY))).isEqualTo(expected);
    }

    @Test
    void aProvider_servesOneToFiftyStreets() {
        List<String> fifty = Collections.nCopies(ProviderInput.STREETS_MAX, "330105001");
        List<String> fiftyOne = Collections.nCopies(ProviderInput.STREETS_MAX + 1, "330105001");

        assertThat(Outcome.of(() -> ProviderInput.check(new ProviderRequests.NewProvider("颐康", fifty, SERVICES, 10), COUNTY)))
                .isEqualTo(Outcome.OK);
        assertThat(Outcome.of(() -> ProviderInput.check(new ProviderRequests.NewProvider("颐康", fiftyOne, SERVICES, 10), COUNTY)))
                .isEqualTo("streets:BAD_STREETS");
        assertThat(Outcome.of(() -> ProviderInput.check(new ProviderRequests.NewProvider("颐康", List.of(), SERVICES, 10), COUNTY)))
                .isEqualTo("streets:BAD_STREETS");
    }

    @Test
    void everyBadFieldOfAProvider_isNamedAtOnce() {
        String outcome = Outcome.of(() -> ProviderInput.check(
                new ProviderRequests.NewProvider(" ", List.of("1"), List.of("bath"), 0), COUNTY));

        assertThat(outcome).isEqualTo("name:REQUIRED,streets:BAD_STREETS,services:BAD_SERVICES,windowCapacity:OUT_OF_RANGE");
    }

    @ParameterizedTest(name = "name of {0}×''{1}'', {2}–{3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "3  | 刘 | 08:00 | 18:00 | OK",
            "30 | 𠮷 | 08:00 | 18:00 | OK",
            "31 | 刘 | 08:00 | 18:00 | name:REQUIRED",
            "0  | 刘 | 08:00 | 18:00 | name:REQUIRED",
            "3  | 刘 | 18:00 | 08:00 | worksUntil:BAD_HOURS",
            "3  | 刘 | 08:00 | 08:00 | worksUntil:BAD_HOURS",
    })
    void aCaregiver_hasANameOfUpToThirtyCharacters_andHoursThatEndAfterTheyStart(int repeat, String unit, LocalTime from,
                                                                                 LocalTime until, String expected) {
        String name = repeat == 0 ? null : unit.repeat(repeat);

        assertThat(Outcome.of(() -> ProviderInput.check(new ProviderRequests.NewCaregiver("p-1", name, true, from, until))))
                .isEqualTo(expected);
    }
}
