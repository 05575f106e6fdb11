package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.identity.Masks;
import cn.yiyang.kernel.resident.ResidentStatusProblem;
import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.bookings.catalog.CareService;
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
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Booking a visit: pick an eligible provider for the resident's street, the service and the hour,
 * reserve a place in its window with one guarded upsert (never count-then-insert), price it, and
 * record it, all in one PostgreSQL transaction.
 */
@ApplicationScoped
public class BookingService {

    /**
     * A place in the provider's window and the booking's row, in one statement: the window made with this first
     * place, or one more place taken in it while one is free (never count-then-insert), and the row inserted only
     * from the place taken; 1 row when booked, 0 when the window is full (and nothing is written).
     */
    private static final String RESERVE_AND_RECORD = """
            with place as (
              insert into bookings.provider_window as w (provider_id, window_start, capacity, booked)
              select ?1, ?2, cast(?3 as int), 1 where cast(?3 as int) > 0
              on conflict (provider_id, window_start) do update set booked = w.booked + 1 where w.booked < w.capacity
              returning 1)
            insert into bookings.booking (id, county, resident_id, service_code, provider_id, starts_at, duration_minutes,
              window_start, address, price_fen, subsidy_fen, pay_fen, emergency, status, channel, booked_by,
              confirmation_code, created_at, updated_at, version)
            select cast(?4 as uuid), cast(?5 as text), cast(?6 as text), cast(?7 as text), ?1, cast(?8 as timestamptz),
              cast(?9 as int), ?2, cast(?10 as text), cast(?11 as bigint), cast(?12 as bigint), cast(?13 as bigint),
              cast(?14 as boolean), cast(?15 as text), cast(?16 as text), cast(?17 as text), cast(?18 as text),
              cast(?19 as timestamptz), cast(?19 as timestamptz), 0
            from place""";

    private static final String SERVICE = "select " + CareService.COLUMNS
            + " from bookings.care_service where county = ?1 and code = ?2";
    private static final String NAMED_PROVIDER = "select " + Provider.COLUMNS + " from bookings.provider where id = ?1 and county = ?2";
    private static final String PROVIDERS = "select " + Provider.COLUMNS + " from bookings.provider where county = ?1";

    private final BookingAccess access;
    private final Clock clock;
    private final BookingStepTimes steps;

    public BookingService(BookingAccess access, Clock clock, BookingStepTimes steps) {
        this.access = access;
        this.clock = clock;
        this.steps = steps;
    }

    public Uni<Reply> book(Caller caller, BookingRequests.Book r) {
        BookingInput.check(r);
        OffsetDateTime now = CountyTime.now(clock);
        steps.mark(BookingStepTimes.Step.KEY);
        // the card, read from DynamoDB on a worker since the invocation arrived (BookingAccess.readingCardFirst), is
        // awaited only after the service, the settings and the providers are read; the checks still run in their
        // order: the resident first
        CompletableFuture<ResidentCard> card = access.residentFor(caller, r.residentId(), Action.CREATE)
                .subscribeAsCompletionStage();
        Optional<UUID> named = namedProvider(r);
        return NativeSql.pipelined(
                        new NativeSql.Statement(SERVICE, caller.county(), r.serviceCode()),
                        new NativeSql.Statement(CountySetting.SELECT, caller.county()),
                        named.map(id -> new NativeSql.Statement(NAMED_PROVIDER, id, caller.county()))
                                .orElseGet(() -> new NativeSql.Statement(PROVIDERS, caller.county())))
                .invoke(() -> steps.mark(BookingStepTimes.Step.READS))
                .flatMap(read -> Uni.createFrom().completionStage(card).flatMap(resident -> {
                    steps.mark(BookingStepTimes.Step.CARD_WAIT);
                    if (!resident.isActive()) {
                        throw new ApiException(ResidentStatusProblem.RESIDENT_INACTIVE, "The resident is not active");
                    }
                    CareService service = read.get(0).stream().findFirst().map(CareService::of).orElseThrow(() ->
                            ApiException.invalid("serviceCode", "UNKNOWN_SERVICE", "Not in the county's catalog"));
                    CountySetting setting = CountySetting.of(caller.county(), read.get(1).stream().findFirst());
                    BookingSlot.checkStart(r.startsAt(), service.emergency, setting.minNoticeMinutes, now);
                    List<Provider> providers = read.get(2).stream().map(Provider::of).toList();
                    Booking b = booking(caller, r, resident, service, now);
                    return reserve(b, candidates(r, named, providers, resident, service), 0)
                            .invoke(() -> steps.mark(BookingStepTimes.Step.RESERVE))
                            .map(booked -> Reply.created(BookingView.of(booked)))
                            .invoke(() -> steps.mark(BookingStepTimes.Step.ANSWER));
                }));
    }

    /** The provider the request names, if it names one; a malformed id is refused where the provider is chosen. */
    private static Optional<UUID> namedProvider(BookingRequests.Book r) {
        if (r.providerId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProviderService.uuid(r.providerId(), "Provider"));
        } catch (ApiException malformed) {
            return Optional.empty();
        }
    }

    /** The provider named, or every provider serving the resident's street with the service. */
    private static List<Provider> candidates(BookingRequests.Book r, Optional<UUID> named, List<Provider> read,
                                             ResidentCard resident, CareService service) {
        if (r.providerId() != null) {
            ProviderService.uuid(r.providerId(), "Provider"); // a malformed id: refused here, as before the look-up
            if (named.isEmpty() || read.isEmpty()) {
                throw ApiException.notFound("Provider");
            }
            return ProviderChoice.named(read.get(0), service.code);
        }
        return ProviderChoice.eligible(read, resident.streetCode(), service.code);
    }

    /** The first candidate with a free place in the window, booked there: {@link #RESERVE_AND_RECORD}, checked by its row count. */
    private static Uni<Booking> reserve(Booking b, List<Provider> providers, int index) {
        if (index >= providers.size()) {
            return Uni.createFrom().failure(new ApiException(BookingProblem.BOOKING_NO_CAPACITY,
                    "Every eligible provider is fully booked in that hour"));
        }
        Provider provider = providers.get(index);
        b.providerId = provider.id;
        return NativeSql.write(RESERVE_AND_RECORD, provider.id, b.windowStart, provider.windowCapacity, b.id, b.county,
                        b.residentId, b.serviceCode, b.startsAt, b.durationMinutes, b.address, b.priceFen, b.subsidyFen,
                        b.payFen, b.emergency, b.status, b.channel, b.bookedBy, b.confirmationCode, b.createdAt)
                .flatMap(booked -> booked == 1 ? Uni.createFrom().item(b) : reserve(b, providers, index + 1));
    }

    /** The booking as it will be recorded, but for its provider (the first with a free place). */
    private static Booking booking(Caller caller, BookingRequests.Book r, ResidentCard resident, CareService service,
                                   OffsetDateTime now) {
        Price price = Price.of(service, resident);
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.county = caller.county();
        b.residentId = resident.residentId();
        b.serviceCode = service.code;
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
        return b;
    }
}
