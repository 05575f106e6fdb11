package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The officer dashboard's booking plots, aggregated in PostgreSQL (one row per group, never the
 * bookings themselves): bookings per service and status over a date range, and how fast 助急
 * bookings were answered, per day. Dates are the county's (Asia/Shanghai).
 */
@ApplicationScoped
public class BookingReports {

    /** A report spans at most a year of dates. */
    public static final int RANGE_DAYS_MAX = 366;
    /** Services × statuses of a county: a catalog of a few dozen services, eight statuses. */
    public static final int SERVICE_ROWS_MAX = 2_000;

    @RegisterForReflection
    public record ServiceStatusCount(String serviceCode, BookingStatus status, long bookings) {
    }

    /** Bookings starting on the dates {@code from} to {@code to}, counted per service and status. */
    @RegisterForReflection
    public record BookingsByService(String from, String to, List<ServiceStatusCount> items) {
    }

    /**
     * One day's 助急 bookings (by the date they were made) and how long they waited from being made
     * to a caregiver's assignment and to the check-in at the door: median and 90th percentile
     * (continuous, interpolated) over those that got there, in whole minutes, the unit of the county's
     * assignment time.
     */
    @RegisterForReflection
    public record EmergencyDay(String date, long created, long assigned, @Nullable Long assignMinutesMedian,
                               @Nullable Long assignMinutesP90, long checkedIn, @Nullable Long checkInMinutesMedian,
                               @Nullable Long checkInMinutesP90) {
    }

    @RegisterForReflection
    public record EmergencyResponse(String from, String to, List<EmergencyDay> days) {
    }

    private record Range(LocalDate from, LocalDate to) {
        OffsetDateTime start() {
            return from.atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        }

        OffsetDateTime end() {
            return to.plusDays(1).atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        }
    }

    public Uni<Reply> byService(Caller caller, BookingRequests.DateRange request) {
        Range range = range(request);
        return NativeSql.select("""
                        select service_code, status, count(*) as bookings from bookings.booking
                        where county = ?1 and starts_at >= ?2 and starts_at < ?3
                        group by service_code, status order by service_code, status""" + " limit " + SERVICE_ROWS_MAX,
                        caller.county(), range.start(), range.end())
                .map(rows -> Reply.ok(new BookingsByService(range.from().toString(), range.to().toString(), rows.stream()
                        .map(r -> new ServiceStatusCount(r.text("service_code"), BookingStatus.valueOf(r.text("status")),
                                r.number("bookings")))
                        .toList())));
    }

    public Uni<Reply> emergencyResponse(Caller caller, BookingRequests.DateRange request) {
        Range range = range(request);
        return NativeSql.select("""
                        with waits as (
                          select (created_at at time zone 'Asia/Shanghai')::date as day,
                                 extract(epoch from assigned_at - created_at) / 60 as to_assign,
                                 extract(epoch from checked_in_at - created_at) / 60 as to_check_in
                          from bookings.booking
                          where county = ?1 and emergency and created_at >= ?2 and created_at < ?3)
                        select day::text as day, count(*) as emergencies, count(to_assign) as assigned,
                               percentile_cont(0.5) within group (order by to_assign) as assign_p50,
                               percentile_cont(0.9) within group (order by to_assign) as assign_p90,
                               count(to_check_in) as checked_in,
                               percentile_cont(0.5) within group (order by to_check_in) as check_in_p50,
                               percentile_cont(0.9) within group (order by to_check_in) as check_in_p90
                        from waits group by day order by day""" + " limit " + (RANGE_DAYS_MAX + 1),
                        caller.county(), range.start(), range.end())
                .map(rows -> Reply.ok(new EmergencyResponse(range.from().toString(), range.to().toString(), rows.stream()
                        .map(r -> new EmergencyDay(r.text("day"), r.number("emergencies"), r.number("assigned"),
                                minutes(r.numberOrNull("assign_p50")), minutes(r.numberOrNull("assign_p90")), r.number("checked_in"),
                                minutes(r.numberOrNull("check_in_p50")), minutes(r.numberOrNull("check_in_p90"))))
                        .toList())));
    }

    private static Long minutes(Number value) {
        return value == null ? null : Math.round(value.doubleValue());
    }

    private static Range range(BookingRequests.DateRange request) {
        LocalDate from = date(request.from(), "from");
        LocalDate to = date(request.to(), "to");
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "BEFORE_FROM", "The range ends on or after its first date");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > RANGE_DAYS_MAX) {
            throw ApiException.invalid("to", "RANGE_TOO_LONG", "At most " + RANGE_DAYS_MAX + " days");
        }
        return new Range(from, to);
    }

    private static LocalDate date(String text, String field) {
        if (text == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter '" + field + "' is required");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "BAD_DATE", "A date YYYY-MM-DD");
        }
    }
}
