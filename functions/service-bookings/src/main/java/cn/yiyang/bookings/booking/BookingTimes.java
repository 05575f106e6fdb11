package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.catalog.CareService;
import cn.yiyang.bookings.catalog.CatalogService;
import cn.yiyang.bookings.providers.Provider;
import cn.yiyang.bookings.providers.ProviderChoice;
import cn.yiyang.bookings.settings.CountySetting;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The times a service can be booked at on a date for a resident, each with its places left: over every provider
 * serving the resident's street with the service (the providers booking would try, {@link ProviderChoice#eligible}),
 * each window's capacity less what is booked in it, read in one query, nothing written. An hour booking would refuse
 * (past, too soon, too far ahead, full) names the refusal code booking would answer. The answer carries the visit's
 * price for the resident ({@link Price}), so the hotline reads out what booking will record.
 */
@ApplicationScoped
public class BookingTimes {

    /** The hours visits are offered at, on the hour, county time: 08:00 to 17:00. */
    public static final int FIRST_HOUR = 8;
    public static final int LAST_HOUR = 17;

    private final BookingAccess access;
    private final Clock clock;

    public BookingTimes(BookingAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** One hour on offer: its start, the places of the eligible providers' windows, those left, and why booking it would be refused. */
    @RegisterForReflection
    public record Hour(OffsetDateTime startsAt, int places, int placesLeft, @Nullable String refusal) {
    }

    /** The day's hours, and what a visit of the service costs this resident, priced as booking it would be. */
    @RegisterForReflection
    public record Day(String residentId, String serviceCode, LocalDate date, Price price, List<Hour> hours) {
    }

    /** Whoever may book for the resident may ask ({@code CREATE} on the resident's bookings). */
    public Uni<Reply> times(Caller caller, BookingRequests.Times r) {
        if (r.date() == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter 'date' is required");
        }
        if (r.serviceCode() == null || r.serviceCode().isBlank()) {
            throw ApiException.invalid("serviceCode", "REQUIRED", "A service code from the catalog");
        }
        OffsetDateTime dayStart = BookingQueries.startOf(r.date(), "date");
        OffsetDateTime now = CountyTime.now(clock);
        return access.residentFor(caller, r.residentId(), Action.CREATE).flatMap(resident ->
                CatalogService.find(caller.county(), r.serviceCode()).flatMap(service -> {
                    if (service == null) {
                        throw ApiException.invalid("serviceCode", "UNKNOWN_SERVICE", "Not in the county's catalog");
                    }
                    return CountySetting.of(caller.county()).flatMap(setting -> Provider.<Provider>list("county", caller.county())
                            .map(all -> ProviderChoice.eligible(all, resident.streetCode(), service.code))
                            .flatMap(providers -> placesLeft(caller.county(), dayStart).map(left -> Reply.ok(
                                    new Day(resident.residentId(), service.code, dayStart.toLocalDate(), Price.of(service, resident),
                                            hours(service, setting.minNoticeMinutes, providers, left, dayStart, now))))));
                }));
    }

    private static List<Hour> hours(CareService service, int minNoticeMinutes, List<Provider> providers,
                                    Map<String, Integer> leftByProviderHour, OffsetDateTime dayStart, OffsetDateTime now) {
        List<Hour> hours = new ArrayList<>();
        for (int hour = FIRST_HOUR; hour <= LAST_HOUR; hour++) {
            OffsetDateTime startsAt = dayStart.plusHours(hour);
            int places = 0;
            int left = 0;
            for (Provider p : providers) {
                places += p.windowCapacity;
                left += leftByProviderHour.getOrDefault(p.id + "@" + hour, p.windowCapacity);
            }
            hours.add(new Hour(startsAt, places, left, refusal(startsAt, service.emergency, minNoticeMinutes, now, left)));
        }
        return hours;
    }

    private static String refusal(OffsetDateTime startsAt, boolean emergency, int minNoticeMinutes, OffsetDateTime now, int left) {
        try {
            BookingSlot.checkStart(startsAt, emergency, minNoticeMinutes, now);
        } catch (ApiException refused) {
            return refused.code().name();
        }
        return left > 0 ? null : "BOOKING_NO_CAPACITY";
    }

    /** Places left per provider and county hour of the day, for the windows that exist (one not yet made is all free). */
    private static Uni<Map<String, Integer>> placesLeft(String county, OffsetDateTime dayStart) {
        return NativeSql.select("""
                        select cast(w.provider_id as text) as provider_id,
                               cast(extract(hour from w.window_start at time zone 'Asia/Shanghai') as int) as county_hour,
                               w.capacity - w.booked as places_left
                        from bookings.provider_window w join bookings.provider p on p.id = w.provider_id
                        where p.county = ?1 and w.window_start >= ?2 and w.window_start < ?3""",
                        county, dayStart, dayStart.plusDays(1))
                .map(rows -> {
                    Map<String, Integer> left = new HashMap<>();
                    for (SqlRow row : rows) {
                        left.put(row.text("provider_id") + "@" + row.number("county_hour"), (int) row.number("places_left"));
                    }
                    return left;
                });
    }
}
