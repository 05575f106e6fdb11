package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.identity.Masks;
import cn.yiyang.kernel.resident.ResidentStatusProblem;
import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.bookings.catalog.CareService;
import cn.yiyang.bookings.catalog.CatalogService;
import cn.yiyang.bookings.catalog.Channel;
import cn.yiyang.bookings.providers.Provider;
import cn.yiyang.bookings.providers.ProviderChoice;
import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.bookings.settings.CountySetting;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Booking a visit: pick an eligible provider for the resident's street, the service and the hour,
 * reserve a place in its window with a guarded UPDATE (never count-then-insert), price it, and
 * record it, all in one PostgreSQL transaction.
 */
@ApplicationScoped
public class BookingService {

    private final BookingAccess access;
    private final Clock clock;

    public BookingService(BookingAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public Uni<Reply> book(Caller caller, BookingRequests.Book r) {
        BookingInput.check(r);
        OffsetDateTime now = CountyTime.now(clock);
        return access.residentFor(caller, r.residentId(), Action.CREATE).flatMap(resident -> {
            if (!resident.isActive()) {
                throw new ApiException(ResidentStatusProblem.RESIDENT_INACTIVE, "The resident is not active");
            }
            return CatalogService.find(caller.county(), r.serviceCode()).flatMap(service -> {
                if (service == null) {
                    throw ApiException.invalid("serviceCode", "UNKNOWN_SERVICE", "Not in the county's catalog");
                }
                return CountySetting.of(caller.county()).flatMap(setting -> {
                    BookingSlot.checkStart(r.startsAt(), service.emergency, setting.minNoticeMinutes, now);
                    return candidates(caller, r, resident, service)
                            .flatMap(providers -> reserve(providers, 0, BookingSlot.windowOf(r.startsAt())))
                            .flatMap(provider -> record(caller, r, resident, service, provider, now));
                });
            });
        });
    }

    /** The provider named, or every provider serving the resident's street with the service. */
    private static Uni<List<Provider>> candidates(Caller caller, BookingRequests.Book r, ResidentCard resident,
                                                  CareService service) {
        if (r.providerId() != null) {
            return Provider.<Provider>find("id = ?1 and county = ?2", ProviderService.uuid(r.providerId(), "Provider"),
                    caller.county()).firstResult().map(p -> {
                        if (p == null) {
                            throw ApiException.notFound("Provider");
                        }
                        return ProviderChoice.named(p, service.code);
                    });
        }
        return Provider.<Provider>list("county", caller.county())
                .map(all -> ProviderChoice.eligible(all, resident.streetCode(), service.code));
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

    private Uni<Reply> record(Caller caller, BookingRequests.Book r, ResidentCard resident, CareService service,
                              Provider provider, OffsetDateTime now) {
        Price price = Price.of(service.priceFen, service.subsidyPercentFor(resident.categories()));
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.county = caller.county();
        b.residentId = resident.residentId();
        b.serviceCode = service.code;
        b.providerId = provider.id;
        b.startsAt = r.startsAt().truncatedTo(ChronoUnit.MILLIS);
        b.durationMinutes = service.durationMinutes;
        b.windowStart = BookingSlot.windowOf(r.startsAt());
        // a phone or an ID number typed into the address is kept masked, as every answer would show it (Masks)
        b.address = Masks.inText(r.address() == null ? resident.addressLine() : r.address());
        b.priceFen = price.priceFen();
        b.subsidyFen = price.subsidyFen();
        b.payFen = price.payFen();
        b.emergency = service.emergency;
        b.status = BookingStatus.REQUESTED;
        b.channel = Channel.of(caller);
        b.bookedBy = caller.subject();
        b.confirmationCode = ConfirmationCode.generate();
        b.createdAt = now;
        b.updatedAt = now;
        return b.persistAndFlush().map(saved -> Reply.created(BookingView.of(b)));
    }
}
