package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The provider desk's work list: the provider's bookings still open over the next days, those
 * waiting for a caregiver first (助急 before the rest), then by start time. The caregivers' days
 * and the assignment itself are the visit routes'.
 */
@ApplicationScoped
public class ProviderDesk {

    public static final int DAYS_DEFAULT = 7;
    public static final int DAYS_MAX = 31;

    private final Clock clock;

    public ProviderDesk(Clock clock) {
        this.clock = clock;
    }

    /** A provider its own ({@code org.provider}); an officer any of the county's. */
    public Uni<Reply> openBookings(Caller caller, BookingRequests.OpenBookings request) {
        int days = request.days() == null ? DAYS_DEFAULT : request.days();
        if (days < 1 || days > DAYS_MAX) {
            throw ApiException.invalid("days", "OUT_OF_RANGE", "1 to " + DAYS_MAX + " days");
        }
        OffsetDateTime from = request.from() == null
                ? CountyTime.today(clock).atStartOfDay(CountyTime.ZONE).toOffsetDateTime()
                : BookingQueries.startOf(request.from(), "from");
        return ProviderService.own(caller, request.id(), ObjectKind.VISIT, Action.READ).flatMap(p -> Booking.<Booking>find("""
                        providerId = ?1 and status in (?2, ?3) and startsAt >= ?4 and startsAt < ?5
                        order by case when caregiverId is null then 0 else 1 end, emergency desc, startsAt, id""",
                        p.id, BookingStatus.REQUESTED, BookingStatus.ASSIGNED, from, from.plusDays(days))
                .page(0, BookingQueries.PAGE_SIZE_MAX).list()).map(bookings -> Reply.ok(BookingView.Page.of(bookings)));
    }
}
