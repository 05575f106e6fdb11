package cn.yiyang.bookings.providers;

import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.kernel.problem.ApiException;
import java.util.Comparator;
import java.util.List;

/**
 * Which providers a booking may go to, in the order their windows are tried: the one the request
 * names if it offers the service, or every provider serving the resident's street with it, by id
 * (a fixed order, so concurrent bookings fill one provider's window before the next).
 */
public final class ProviderChoice {

    private ProviderChoice() {
    }

    public static List<Provider> named(Provider provider, String serviceCode) {
        if (!provider.offers(serviceCode)) {
            throw new ApiException(BookingProblem.SERVICE_NOT_OFFERED, "The provider does not offer " + serviceCode);
        }
        return List.of(provider);
    }

    public static List<Provider> eligible(List<Provider> all, String streetCode, String serviceCode) {
        List<Provider> eligible = all.stream().filter(p -> p.serves(streetCode, serviceCode))
                .sorted(Comparator.comparing(p -> p.id)).toList();
        if (eligible.isEmpty()) {
            throw new ApiException(BookingProblem.BOOKING_NO_PROVIDER, "No provider serves this street with " + serviceCode);
        }
        return eligible;
    }
}
