package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.bookings.AccessRules;
import cn.yiyang.bookings.providers.Caregiver;
import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.bookings.settings.CountySetting;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.stores.pg.settlements.BookingSettlement;
import io.quarkus.runtime.annotations.RegisterForReflection;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.settlements.BookingSettlementFeed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The lists people work from: a resident's bookings, the hotline's code look-up, overdue emergencies, flagged visits, a provider's day, settlement. */
@ApplicationScoped
public class BookingQueries {

    public static final int PAGE_SIZE_MAX = 200;

    private final BookingAccess access;
    private final Clock clock;

    public BookingQueries(BookingAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public Uni<Reply> get(Caller caller, ById request) {
        return Booking.<Booking>find("id = ?1 and county = ?2", ProviderService.uuid(request.id(), "Booking"),
                        caller.county()).firstResult()
                .flatMap(b -> access.check(caller, b, ObjectKind.BOOKING, Action.READ))
                .map(b -> Reply.ok(BookingView.of(b)));
    }

    /** By confirmation code for the hotline and officers; otherwise one resident's bookings, for whoever may act for them. */
    public Uni<Reply> list(Caller caller, BookingRequests.Find request) {
        if (request.confirmationCode() != null) {
            if (!AccessRules.mayLookUpByCode(caller)) {
                throw new ApiException(CommonProblem.FORBIDDEN, "Only staff look bookings up by code");
            }
            return Booking.<Booking>list("county = ?1 and confirmationCode = ?2 order by startsAt desc", caller.county(),
                    ConfirmationCode.normalise(request.confirmationCode())).map(BookingQueries::pageOf);
        }
        if (request.residentId() == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter 'residentId' is required");
        }
        return access.residentFor(caller, request.residentId(), Action.READ)
                .flatMap(card -> Booking.<Booking>find("county = ?1 and residentId = ?2 order by startsAt desc",
                        caller.county(), card.residentId()).page(0, PAGE_SIZE_MAX).list())
                .map(BookingQueries::pageOf);
    }

    /**
     * 助急 bookings still unassigned past the county's assignment time ({@link EmergencyOverdue}), or with
     * {@code all} every unassigned one; oldest first either way, so the overdue ones lead.
     */
    public Uni<Reply> overdue(Caller caller, BookingRequests.Unassigned request) {
        if (Boolean.TRUE.equals(request.all())) {
            return Booking.<Booking>find("county = ?1 and emergency = true and status = ?2 order by createdAt",
                    caller.county(), BookingStatus.REQUESTED).page(0, PAGE_SIZE_MAX).list().map(BookingQueries::pageOf);
        }
        OffsetDateTime now = CountyTime.now(clock);
        return CountySetting.of(caller.county()).flatMap(setting -> Booking.<Booking>find(
                "county = ?1 and emergency = true and status = ?2 and createdAt < ?3 order by createdAt",
                caller.county(), BookingStatus.REQUESTED, EmergencyOverdue.madeBefore(now, setting.emergencyAssignMinutes))
                .page(0, PAGE_SIZE_MAX).list()).map(BookingQueries::pageOf);
    }

    public Uni<Reply> flagged(Caller caller, NoInput none) {
        return Booking.<Booking>find("county = ?1 and flaggedShort = true order by startsAt desc", caller.county())
                .page(0, PAGE_SIZE_MAX).list().map(BookingQueries::pageOf);
    }

    public Uni<Reply> providerDay(Caller caller, BookingRequests.Day request) {
        OffsetDateTime from = startOf(request.date());
        return ProviderService.own(caller, request.id(), ObjectKind.VISIT, Action.READ).flatMap(p -> Booking.<Booking>find(
                "providerId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt", p.id, from, from.plusDays(1))
                .page(0, PAGE_SIZE_MAX).list()).map(BookingQueries::pageOf);
    }

    /** A caregiver's visits of one day: the caregiver themself, their provider, or an officer. */
    public Uni<Reply> caregiverDay(Caller caller, BookingRequests.Day request) {
        OffsetDateTime from = startOf(request.date());
        String id = request.id();
        return Caregiver.<Caregiver>find("id = ?1 and county = ?2", ProviderService.uuid(id, "Caregiver"), caller.county())
                .firstResult().flatMap(c -> {
                    if (c == null || !AccessRules.mayReadCaregiverDay(caller, id, c.providerId)) {
                        throw ApiException.notFound("Caregiver");
                    }
                    return Booking.<Booking>find("caregiverId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt",
                            c.id, from, from.plusDays(1)).page(0, PAGE_SIZE_MAX).list();
                }).map(BookingQueries::pageOf);
    }

    /** Completed subsidised visits per provider and month, keyed for a settlement that pays each key once (shared feed). */
    public Uni<Reply> settlements(Caller caller, BookingRequests.SettlementMonth request) {
        if (request.month() == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter 'month' is required");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(request.month());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("month", "BAD_MONTH", "A month YYYY-MM");
        }
        return BookingSettlementFeed.month(caller.county(), month)
                .map(items -> Reply.ok(new SettlementMonth(month.toString(), items)));
    }

    /** A month's completed subsidised visits per provider, as the fund lines settle them. */
    @RegisterForReflection
    public record SettlementMonth(String month, List<BookingSettlement> items) {
    }

    private static Reply pageOf(List<Booking> bookings) {
        return Reply.ok(BookingView.Page.of(bookings));
    }

    /** Midnight in the county starting the date in the path. */
    static OffsetDateTime startOf(String date) {
        return startOf(date, "date");
    }

    /** Midnight in the county starting a date given as {@code field}. */
    static OffsetDateTime startOf(String date, String field) {
        try {
            return LocalDate.parse(date).atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "BAD_DATE", "A date YYYY-MM-DD");
        }
    }
}
