package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.bookings.catalog.CatalogService;
import cn.yiyang.bookings.providers.Caregiver;
import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.bookings.settings.CountySetting;
import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.PgFailures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A booking's life after it is made. Each step locks the booking row, checks the transition is
 * allowed (409 otherwise), and changes it; assignment also inserts the caregiver's visit, which
 * an exclusion constraint keeps from overlapping any other visit of that caregiver.
 */
@ApplicationScoped
public class VisitService {

    public static final int COMMENT_CHARS_MAX = 200;
    private static final Pattern PLACE = Pattern.compile("-?[0-9]{1,3}\\.[0-9]{1,7},-?[0-9]{1,3}\\.[0-9]{1,7}");

    private final BookingAccess access;
    private final Clock clock;

    public VisitService(BookingAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public Uni<Reply> assign(Call call) {
        BookingRequests.Assign r = call.body(BookingRequests.Assign.class);
        if (r.caregiverId() == null) {
            throw ApiException.invalid("caregiverId", "REQUIRED", "The caregiver to send");
        }
        // The caregiver's row is locked so that one caregiver's assignments queue up instead of
        // deadlocking on the exclusion constraint; the constraint stays the guarantee.
        return move(call, BookingStatus.ASSIGNED, b -> Caregiver.<Caregiver>find("id = ?1 and county = ?2 and providerId = ?3",
                ProviderService.uuid(r.caregiverId(), "Caregiver"), b.county, b.providerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(caregiver -> {
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
                }));
    }

    public Uni<Reply> checkIn(Call call) {
        BookingRequests.CheckIn r = call.body(BookingRequests.CheckIn.class);
        if (r.place() != null && !PLACE.matcher(r.place()).matches()) {
            throw ApiException.invalid("place", "BAD_PLACE", "Latitude,longitude in decimal degrees");
        }
        return move(call, BookingStatus.IN_SERVICE, b -> {
            b.checkedInAt = CountyTime.now(clock);
            b.checkInPlace = r.place();
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Reply> checkOut(Call call) {
        return move(call, BookingStatus.COMPLETED, b -> {
            b.checkedOutAt = CountyTime.now(clock);
            long seconds = Duration.between(b.checkedInAt, b.checkedOutAt).toSeconds();
            b.actualMinutes = (int) Math.max(0, (seconds + 59) / 60);
            // Far shorter than the service takes: the supervisor should look at it.
            b.flaggedShort = b.actualMinutes * 2 < b.durationMinutes;
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Reply> rate(Call call) {
        BookingRequests.Rate r = call.body(BookingRequests.Rate.class);
        if (r.rating() < 1 || r.rating() > 5) {
            throw ApiException.invalid("rating", "OUT_OF_RANGE", "1 to 5");
        }
        if (r.comment() != null && r.comment().length() > COMMENT_CHARS_MAX) {
            throw ApiException.invalid("comment", "TOO_LONG", "At most " + COMMENT_CHARS_MAX + " characters");
        }
        return move(call, BookingStatus.RATED, b -> {
            b.rating = r.rating();
            b.ratingComment = r.comment();
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Reply> cancel(Call call) {
        return move(call, BookingStatus.CANCELLED, b -> CountySetting.of(b.county).flatMap(setting -> {
            OffsetDateTime now = CountyTime.now(clock);
            if (!now.isBefore(b.startsAt)) {
                throw new ApiException(BookingProblem.BOOKING_ILLEGAL_TRANSITION, "The visit has already started");
            }
            b.cancelledLate = now.isAfter(b.startsAt.minusMinutes(setting.lateCancelMinutes));
            return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                            update bookings.provider_window set booked = booked - 1
                            where provider_id = ?1 and window_start = ?2 and booked > 0""")
                    .setParameter(1, b.providerId).setParameter(2, b.windowStart).executeUpdate()
                    .flatMap(freed -> s.createNativeQuery("delete from bookings.caregiver_visit where booking_id = ?1")
                            .setParameter(1, b.id).executeUpdate()))
                    .replaceWithVoid();
        }));
    }

    public Uni<Reply> noShow(Call call) {
        BookingRequests.NoShow r = call.body(BookingRequests.NoShow.class);
        if (r.reason() == null || r.reason().isBlank() || r.reason().length() > COMMENT_CHARS_MAX) {
            throw ApiException.invalid("reason", "REQUIRED", "Why, in 1 to " + COMMENT_CHARS_MAX + " characters");
        }
        return move(call, BookingStatus.NO_SHOW, b -> {
            b.noShowReason = r.reason().strip();
            return Uni.createFrom().voidItem();
        });
    }

    /** Lock, check who and whether the transition is allowed, apply the step, save. */
    private Uni<Reply> move(Call call, BookingStatus next, Function<Booking, Uni<Void>> step) {
        return Booking.<Booking>find("id = ?1 and county = ?2", ProviderService.uuid(call.pathParam("id"), "Booking"), call.county())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(b -> access.check(call.caller(), b))
                .flatMap(b -> {
                    if (!b.status.mayBecome(next)) {
                        throw new ApiException(BookingProblem.BOOKING_ILLEGAL_TRANSITION,
                                "A " + b.status + " booking cannot become " + next);
                    }
                    return step.apply(b).replaceWith(b);
                })
                .flatMap(b -> {
                    b.status = next;
                    b.updatedAt = CountyTime.now(clock);
                    return b.<Booking>persistAndFlush();
                })
                .map(b -> Reply.ok(BookingView.of(b)));
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
