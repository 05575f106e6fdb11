package cn.yiyang.bookings.providers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.Outcome;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which providers a booking may go to, and when a caregiver may be sent, without a door or a store. */
class ProviderChoiceTest {

    private static final Provider FIRST = provider("00000000-0000-0000-0000-000000000001", "330105001,330105002", "BATH,CLEAN");
    private static final Provider SECOND = provider("00000000-0000-0000-0000-000000000002", "330105002", "CLEAN,EMERGENCY");
    private static final Provider THIRD = provider("00000000-0000-0000-0000-000000000003", "330105003", "BATH,CLEAN,EMERGENCY");
    private static final List<Provider> ALL = List.of(THIRD, SECOND, FIRST);

    @ParameterizedTest(name = "{1} on street {0}: {2}")
    @CsvSource({
            "330105002, CLEAN, 1 2",
            "330105001, CLEAN, 1",
            "330105002, EMERGENCY, 2",
            "330105003, BATH, 3",
            "330105002, BATH, 1",
    })
    void theEligibleProviders_serveTheStreetWithTheService_triedInIdOrder(String street, String service, String expected) {
        List<String> chosen = ProviderChoice.eligible(ALL, street, service).stream()
                .map(p -> String.valueOf(p.id.getLeastSignificantBits())).toList();

        assertThat(String.join(" ", chosen)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} on street {0}: nobody")
    @CsvSource({
            "330105004, CLEAN",
            "330105001, EMERGENCY",
            "33010500, CLEAN",
            "330105001, BAT",
    })
    void aStreetOrServiceNobodyCovers_isRefused_asNoProvider(String street, String service) {
        assertThat(Outcome.of(() -> ProviderChoice.eligible(ALL, street, service))).isEqualTo("BOOKING_NO_PROVIDER");
    }

    @Test
    void aNamedProvider_isTaken_onlyForAServiceItOffers() {
        assertThat(ProviderChoice.named(FIRST, "BATH")).containsExactly(FIRST);
        assertThat(Outcome.of(() -> ProviderChoice.named(FIRST, "EMERGENCY"))).isEqualTo("SERVICE_NOT_OFFERED");
    }

    @ParameterizedTest(name = "a visit {0}–{1} for hours 08:00–18:00: {2}")
    @CsvSource({
            "08:00, 09:00, true",
            "07:59, 08:59, false",
            "17:00, 18:00, true",
            "17:00, 18:01, false",
            "12:00, 12:00, false",
            "23:30, 00:30, false",
    })
    void aCaregiver_isSentOnlyForAVisitWhollyWithinTheirHours(LocalTime from, LocalTime until, boolean works) {
        Caregiver caregiver = new Caregiver();
        caregiver.worksFrom = LocalTime.of(8, 0);
        caregiver.worksUntil = LocalTime.of(18, 0);

        assertThat(caregiver.worksDuring(from, until)).isEqualTo(works);
    }

    private static Provider provider(String id, String streets, String services) {
        Provider p = new Provider();
        p.id = UUID.fromString(id);
        p.streets = streets;
        p.services = services;
        p.windowCapacity = 10;
        return p;
    }
}
