package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.cards.bookings.BookingCards;
import io.quarkus.vertx.VertxContextSupport;
import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.bookings.catalog.CatalogService;
import cn.yiyang.bookings.providers.Caregiver;
import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.bookings.settings.CountySetting;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.PgFailures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * A booking's life after it is made. Each step locks the booking row, checks the transition is
 * allowed (409 otherwise, {@link BookingLifecycle}), and changes it; assignment also inserts the
 * caregiver's visit, which an exclusion constraint keeps from overlapping any other visit of that
 * caregiver.
 */
@ApplicationScoped
public class VisitService {

    private final BookingAccess access;
    private final BookingCards cards;
    private final Clock clock;

    public VisitService(BookingAccess access, BookingCards cards, Clock clock) {
        this.access = access;
        this.cards = cards;
        this.clock = clock;
    }

    public Uni<Reply> assign(Caller caller, BookingRequests.Assign r) {
        BookingInput.check(r);
        // The caregiver's row is locked so that one caregiver's assignments queue up instead of
        // deadlocking on the exclusion constraint; the constraint stays the guarantee.
        return move(caller, r.id(), BookingStep.ASSIGN, b -> {
            b.assignedAt = CountyTime.now(clock);
            return Caregiver.<Caregiver>find("id = ?1 and county = ?2 and providerId = ?3",
                            ProviderService.uuid(r.caregiverId(), "Caregiver"), b.county, b.providerId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                    .flatMap(caregiver -> sendCaregiver(b, caregiver));
        });
    }

    private static Uni<Void> sendCaregiver(Booking b, Caregiver caregiver) {
        if (caregiver == null) {
            throw ApiException.notFound("Caregiver");
        }
        var from = b.startsAt.atZoneSameInstant(CountyTime.ZONE).toLocalTime();
        if (!caregiver.worksDuring(from, from.plusMinutes(b.durationMinutes))) {
            throw new ApiException(BookingProblem.CAREGIVER_OFF_DUTY, "The visit is outside the caregiver's hours");
        }
        return CatalogService.find(b.county, b.serviceCode).flatMap(service -> {
            if (service.certifiedRequired && !caregiver.certified) {
                throw new ApiException(BookingProblem.CAREGIVER_NOT_CERTIFIED, service.code + " needs a certified caregiver");
            }
            b.caregiverId = caregiver.id;
            return reserveVisit(b);
        });
    }

    public Uni<Reply> checkIn(Caller caller, BookingRequests.CheckIn r) {
        BookingInput.check(r);
        return move(caller, r.id(), BookingStep.CHECK_IN, b -> {
            b.checkedInAt = CountyTime.now(clock);
            b.checkInPlace = r.place();
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Reply> checkOut(Caller caller, ById r) {
        return move(caller, r.id(), BookingStep.CHECK_OUT, b -> {
            b.checkedOutAt = CountyTime.now(clock);
            b.actualMinutes = VisitClock.actualMinutes(b.checkedInAt, b.checkedOutAt);
            b.flaggedShort = VisitClock.isShort(b.actualMinutes, b.durationMinutes);
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Reply> rate(Caller caller, BookingRequests.Rate r) {
        BookingInput.check(r);
        return move(caller, r.id(), BookingStep.RATE, b -> {
            b.rating = r.rating();
            b.ratingComment = r.comment();
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Reply> cancel(Caller caller, ById r) {
        return move(caller, r.id(), BookingStep.CANCEL, b -> CountySetting.of(b.county).flatMap(setting -> {
            OffsetDateTime now = CountyTime.now(clock);
            if (VisitClock.hasStarted(b.startsAt, now)) {
                throw new ApiException(BookingProblem.BOOKING_ILLEGAL_TRANSITION, "The visit has already started");
            }
            b.cancelledLate = VisitClock.isLateCancellation(b.startsAt, now, setting.lateCancelMinutes);
            return freePlaces(b);
        }));
    }

    public Uni<Reply> noShow(Caller caller, BookingRequests.NoShow r) {
        BookingInput.check(r);
        return move(caller, r.id(), BookingStep.NO_SHOW, b -> {
            b.noShowReason = r.reason();
            return Uni.createFrom().voidItem();
        });
    }

    /** Lock, check who and whether the step is allowed, apply it, save. */
    private Uni<Reply> move(Caller caller, String id, BookingStep step, Function<Booking, Uni<Void>> apply) {
        return Booking.<Booking>find("id = ?1 and county = ?2", ProviderService.uuid(id, "Booking"), caller.county())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(b -> access.check(caller, b, step.actsOn(), Action.ACT))
                .flatMap(b -> {
                    BookingStatus next = BookingLifecycle.next(b.status, step);
                    return apply.apply(b).replaceWith(b)
                            .call(applied -> step.closesVouchers() ? learnVoucherPayment(applied) : Uni.createFrom().voidItem())
                            .invoke(applied -> {
                                applied.status = next;
                                applied.updatedAt = CountyTime.now(clock);
                            });
                })
                .flatMap(b -> b.<Booking>persistAndFlush())
                .map(b -> Reply.ok(BookingView.of(b)));
    }

    /**
     * Closes the booking to vouchers inside this transaction and records the exchange that paid it, if
     * one did: the card's update and the read of its payment are one atomic DynamoDB call, so a
     * redemption racing this step is either seen here or refused.
     */
    private Uni<Void> learnVoucherPayment(Booking b) {
        return VertxContextSupport.executeBlocking(() -> cards.closeForVouchers(b.county, b.id.toString()))
                .invoke(paid -> paid.ifPresent(exchange -> b.paidByExchange = exchange)).replaceWithVoid();
    }

    /** A cancelled booking gives its place in the provider's window back, and its caregiver's time. */
    private static Uni<Void> freePlaces(Booking b) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update bookings.provider_window set booked = booked - 1
                        where provider_id = ?1 and window_start = ?2 and booked > 0""")
                .setParameter(1, b.providerId).setParameter(2, b.windowStart).executeUpdate()
                .flatMap(freed -> s.createNativeQuery("delete from bookings.caregiver_visit where booking_id = ?1")
                        .setParameter(1, b.id).executeUpdate()))
                .replaceWithVoid();
    }

    private static Uni<Void> reserveVisit(Booking b) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into bookings.caregiver_visit (booking_id, caregiver_id, during)
                        values (?1, ?2, tstzrange(?3, ?4, '[)'))""")
                        .setParameter(1, b.id).setParameter(2, b.caregiverId)
                        .setParameter(3, b.startsAt).setParameter(4, b.endsAt()).executeUpdate())
                .onFailure(f -> PgFailures.is(f, PgFailures.EXCLUSION_VIOLATION)).transform(f -> new ApiException(
                        BookingProblem.CAREGIVER_BUSY, "The caregiver has another visit at that time"))
                .replaceWithVoid();
    }
}
