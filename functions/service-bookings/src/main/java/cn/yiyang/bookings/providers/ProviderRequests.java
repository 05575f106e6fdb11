package cn.yiyang.bookings.providers;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalTime;
import java.util.List;

/** The provider routes' requests: path and body of one route in one record. */
public final class ProviderRequests {

    private ProviderRequests() {
    }

    /** {@code POST /v1/providers}: the streets it serves, the services it offers, how many bookings it takes per hour. */
    @RegisterForReflection
    public record NewProvider(@Text(maxChars = ProviderInput.PROVIDER_NAME_CHARS_MAX) String name, List<String> streets,
                              List<String> services, int windowCapacity) {
    }

    /** {@code POST /v1/providers/{id}/caregivers}: a caregiver of provider {@code id}, with daily working hours. */
    @RegisterForReflection
    public record NewCaregiver(String id, @Text(maxChars = ProviderInput.CAREGIVER_NAME_CHARS_MAX) String name,
                               boolean certified, LocalTime worksFrom, LocalTime worksUntil) {
    }

    /** {@code GET /v1/providers/{id}/caregivers}. */
    @RegisterForReflection
    public record OfProvider(String id) {
    }
}
