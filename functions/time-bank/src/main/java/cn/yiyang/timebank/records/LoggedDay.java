package cn.yiyang.timebank.records;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.timebank.TimeBankProblem;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a volunteer has logged on one day: the intervals (epoch seconds, end exclusive) and their
 * minutes. A new record is admitted only if it overlaps none of them (touching is not overlapping)
 * and the day's minutes stay within the county's daily cap.
 */
public record LoggedDay(long minutes, List<Interval> intervals) {

    public static final LoggedDay EMPTY = new LoggedDay(0, List.of());

    public record Interval(long from, long until) {

        static Interval of(OffsetDateTime start, OffsetDateTime end) {
            return new Interval(start.toEpochSecond(), end.toEpochSecond());
        }
    }

    public LoggedDay {
        intervals = List.copyOf(intervals);
    }

    public boolean overlaps(OffsetDateTime start, OffsetDateTime end) {
        Interval added = Interval.of(start, end);
        return intervals.stream().anyMatch(i -> added.from() < i.until() && i.from() < added.until());
    }

    /** Refuses an overlap first, then minutes past the cap. */
    public void admit(OffsetDateTime start, OffsetDateTime end, long added, int dailyMinutesMax) {
        if (overlaps(start, end)) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_OVERLAP, "Overlaps a service already logged");
        }
        if (minutes + added > dailyMinutesMax) {
            throw new ApiException(TimeBankProblem.DAILY_CAP_EXCEEDED, "At most " + dailyMinutesMax + " minutes a day");
        }
    }
}
