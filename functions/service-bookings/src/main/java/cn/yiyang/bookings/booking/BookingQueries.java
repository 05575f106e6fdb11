package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.providers.Caregiver;
import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.bookings.settings.CountySetting;
import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Role;
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
import java.util.Map;

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

    public Uni<Reply> get(Call call) {
        return Booking.<Booking>find("id = ?1 and county = ?2", ProviderService.uuid(call.pathParam("id"), "Booking"),
                        call.county()).firstResult()
                .flatMap(b -> access.check(call.caller(), b))
                .map(b -> Reply.ok(BookingView.of(b)));
    }

    /** {@code ?residentId=} for the resident and those acting for them; {@code ?confirmationCode=} for the hotline. */
    public Uni<Reply> list(Call call) {
        var code = call.queryParam("confirmationCode");
        if (code.isPresent()) {
            if (!call.caller().has(Role.OPERATOR) && !call.caller().has(Role.OFFICER)) {
                throw new ApiException(CommonProblem.FORBIDDEN, "Only staff look bookings up by code");
            }
            return Booking.<Booking>list("county = ?1 and confirmationCode = ?2 order by startsAt desc", call.county(),
                    cn.yiyang.kernel.identity.ConfirmationCode.normalise(code.get())).map(BookingQueries::pageOf);
        }
        return access.residentFor(call.caller(), call.requiredQueryParam("residentId"))
                .flatMap(card -> Booking.<Booking>find("county = ?1 and residentId = ?2 order by startsAt desc",
                        call.county(), card.residentId()).page(0, PAGE_SIZE_MAX).list())
                .map(BookingQueries::pageOf);
    }

    /** 助急 bookings still unassigned past the county's assignment time, oldest first. */
    public Uni<Reply> overdue(Call call) {
        OffsetDateTime now = CountyTime.now(clock);
        return CountySetting.of(call.county()).flatMap(setting -> Booking.<Booking>find(
                "county = ?1 and emergency = true and status = ?2 and createdAt < ?3 order by createdAt",
                call.county(), BookingStatus.REQUESTED, now.minusMinutes(setting.emergencyAssignMinutes))
                .page(0, PAGE_SIZE_MAX).list()).map(BookingQueries::pageOf);
    }

    public Uni<Reply> flagged(Call call) {
        return Booking.<Booking>find("county = ?1 and flaggedShort = true order by startsAt desc", call.county())
                .page(0, PAGE_SIZE_MAX).list().map(BookingQueries::pageOf);
    }

    public Uni<Reply> providerDay(Call call) {
        LocalDate date = date(call.pathParam("date"));
        OffsetDateTime from = date.atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        return ProviderService.own(call, call.pathParam("id")).flatMap(p -> Booking.<Booking>find(
                "providerId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt", p.id, from, from.plusDays(1))
                .page(0, PAGE_SIZE_MAX).list()).map(BookingQueries::pageOf);
    }

    /** A caregiver's visits of one day: the caregiver themself, their provider, or an officer. */
    public Uni<Reply> caregiverDay(Call call) {
        LocalDate date = date(call.pathParam("date"));
        OffsetDateTime from = date.atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        String id = call.pathParam("id");
        return Caregiver.<Caregiver>find("id = ?1 and county = ?2", ProviderService.uuid(id, "Caregiver"), call.county())
                .firstResult().flatMap(c -> {
                    boolean mayRead = c != null && (call.caller().has(Role.OFFICER)
                            || (call.caller().has(Role.CAREGIVER) && call.caller().subject().equals(id))
                            || (call.caller().has(Role.PROVIDER) && call.caller().subject().equals(c.providerId.toString())));
                    if (!mayRead) {
                        throw ApiException.notFound("Caregiver");
                    }
                    return Booking.<Booking>find("caregiverId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt",
                            c.id, from, from.plusDays(1)).page(0, PAGE_SIZE_MAX).list();
                }).map(BookingQueries::pageOf);
    }

    /** Completed subsidised visits per provider and month, keyed for a settlement that pays each key once (shared feed). */
    public Uni<Reply> settlements(Call call) {
        YearMonth month;
        try {
            month = YearMonth.parse(call.requiredQueryParam("month"));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("month", "BAD_MONTH", "A month YYYY-MM");
        }
        return BookingSettlementFeed.month(call.county(), month)
                .map(items -> Reply.ok(Map.of("month", month.toString(), "items", items)));
    }

    private static Reply pageOf(List<Booking> bookings) {
        return Reply.ok(BookingView.Page.of(bookings));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "BAD_DATE", "A date YYYY-MM-DD");
        }
    }
}
