package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.bookings.catalog.CareService;
import cn.yiyang.bookings.catalog.CatalogService;
import cn.yiyang.bookings.catalog.Channel;
import cn.yiyang.bookings.providers.Provider;
import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.bookings.settings.CountySetting;
import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.cards.ResidentCard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Booking a visit: pick an eligible provider for the resident's street, the service and the hour,
 * reserve a place in its window with a guarded UPDATE (never count-then-insert), price it, and
 * record it, all in one PostgreSQL transaction.
 */
@ApplicationScoped
public class BookingService {

    public static final int DAYS_AHEAD_MAX = 30;
    public static final int ADDRESS_CHARS_MAX = 100;

    private final BookingAccess access;
    private final Clock clock;

    public BookingService(BookingAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public Uni<Reply> book(Call call) {
        BookingRequests.Book r = call.body(BookingRequests.Book.class);
        if (r.serviceCode() == null || r.serviceCode().isBlank()) {
            throw ApiException.invalid("serviceCode", "REQUIRED", "A service code from the catalog");
        }
        if (r.startsAt() == null) {
            throw ApiException.invalid("startsAt", "REQUIRED", "When the visit starts, with offset");
        }
        if (r.address() != null && (r.address().isBlank() || r.address().length() > ADDRESS_CHARS_MAX)) {
            throw ApiException.invalid("address", "BAD_ADDRESS", "1 to " + ADDRESS_CHARS_MAX + " characters");
        }
        OffsetDateTime now = CountyTime.now(clock);
        return access.residentFor(call.caller(), r.residentId()).flatMap(resident -> {
            if (!resident.isActive()) {
                throw new ApiException(BookingProblem.RESIDENT_INACTIVE, "The resident is not active");
            }
            return CatalogService.find(call.county(), r.serviceCode()).flatMap(service -> {
                if (service == null) {
                    throw ApiException.invalid("serviceCode", "UNKNOWN_SERVICE", "Not in the county's catalog");
                }
                return CountySetting.of(call.county()).flatMap(setting -> {
                    checkTime(r.startsAt(), service, setting, now);
                    return candidates(call, r, resident, service)
                            .flatMap(providers -> reserve(providers, 0, window(r.startsAt())))
                            .flatMap(provider -> record(call, r, resident, service, provider, now));
                });
            });
        });
    }

    private static void checkTime(OffsetDateTime startsAt, CareService service, CountySetting setting, OffsetDateTime now) {
        if (!startsAt.isAfter(now)) {
            throw new ApiException(BookingProblem.BOOKING_IN_THE_PAST, "The visit would start in the past");
        }
        if (startsAt.isAfter(now.plusDays(DAYS_AHEAD_MAX))) {
            throw new ApiException(BookingProblem.BOOKING_IN_THE_PAST, "Bookings are taken up to " + DAYS_AHEAD_MAX + " days ahead");
        }
        if (!service.emergency && startsAt.isBefore(now.plusMinutes(setting.minNoticeMinutes))) {
            throw new ApiException(BookingProblem.BOOKING_TOO_SOON,
                    "This service needs " + setting.minNoticeMinutes + " minutes' notice");
        }
    }

    /** The provider named, or every provider serving the resident's street with the service. */
    private static Uni<List<Provider>> candidates(Call call, BookingRequests.Book r, ResidentCard resident,
                                                  CareService service) {
        if (r.providerId() != null) {
            return Provider.<Provider>find("id = ?1 and county = ?2", ProviderService.uuid(r.providerId(), "Provider"),
                    call.county()).firstResult().map(p -> {
                        if (p == null) {
                            throw ApiException.notFound("Provider");
                        }
                        if (!p.offers(service.code)) {
                            throw new ApiException(BookingProblem.SERVICE_NOT_OFFERED, "The provider does not offer " + service.code);
                        }
                        return List.of(p);
                    });
        }
        return Provider.<Provider>list("county", call.county()).map(all -> {
            List<Provider> eligible = all.stream().filter(p -> p.serves(resident.streetCode(), service.code))
                    .sorted(Comparator.comparing(p -> p.id)).toList();
            if (eligible.isEmpty()) {
                throw new ApiException(BookingProblem.BOOKING_NO_PROVIDER, "No provider serves this street with " + service.code);
            }
            return eligible;
        });
    }

    /** The first candidate with a free place in the window: a guarded UPDATE, checked by its row count. */
    private static Uni<Provider> reserve(List<Provider> providers, int index, OffsetDateTime window) {
        if (index >= providers.size()) {
            return Uni.createFrom().failure(new ApiException(BookingProblem.BOOKING_NO_CAPACITY,
                    "Every eligible provider is fully booked in that hour"));
        }
        Provider provider = providers.get(index);
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into bookings.provider_window (provider_id, window_start, capacity, booked)
                        values (?1, ?2, ?3, 0) on conflict do nothing""")
                .setParameter(1, provider.id).setParameter(2, window).setParameter(3, provider.windowCapacity)
                .executeUpdate()
                .flatMap(ignored -> s.createNativeQuery("""
                                update bookings.provider_window set booked = booked + 1
                                where provider_id = ?1 and window_start = ?2 and booked < capacity""")
                        .setParameter(1, provider.id).setParameter(2, window).executeUpdate()))
                .flatMap(updated -> updated == 1 ? Uni.createFrom().item(provider) : reserve(providers, index + 1, window));
    }

    private Uni<Reply> record(Call call, BookingRequests.Book r, ResidentCard resident, CareService service,
                              Provider provider, OffsetDateTime now) {
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.county = call.county();
        b.residentId = resident.residentId();
        b.serviceCode = service.code;
        b.providerId = provider.id;
        b.startsAt = r.startsAt().truncatedTo(ChronoUnit.MILLIS);
        b.durationMinutes = service.durationMinutes;
        b.windowStart = window(r.startsAt());
        b.address = r.address() == null ? resident.addressLine() : r.address().strip();
        b.priceFen = service.priceFen;
        b.subsidyFen = service.priceFen * service.subsidyPercentFor(resident.categories()) / 100;
        b.payFen = b.priceFen - b.subsidyFen;
        b.emergency = service.emergency;
        b.status = BookingStatus.REQUESTED;
        b.channel = Channel.of(call.caller());
        b.bookedBy = call.caller().subject();
        b.confirmationCode = ConfirmationCode.generate();
        b.createdAt = now;
        b.updatedAt = now;
        return b.persistAndFlush().map(saved -> Reply.created(BookingView.of(b)));
    }

    /** Capacity is counted per provider and clock hour. */
    static OffsetDateTime window(OffsetDateTime startsAt) {
        return startsAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    }
}
