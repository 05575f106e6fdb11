package cn.yiyang.kernel.time;

import cn.yiyang.kernel.problem.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A report's range of days from optional {@code from}/{@code to} texts: by default the last days up to today. */
public record DateRange(LocalDate from, LocalDate to) {

    /** 400 BAD_DATE naming the field for a text that is no date; 400 BAD_RANGE on {@code from} for a reversed or too long range. */
    public static DateRange of(String from, String to, LocalDate today, int defaultDays, int daysMax) {
        LocalDate last = to == null ? today : date("to", to);
        LocalDate first = from == null ? last.minusDays(defaultDays - 1) : date("from", from);
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days < 1 || days > daysMax) {
            throw ApiException.invalid("from", "BAD_RANGE", "from on or before to, at most " + daysMax + " days");
        }
        return new DateRange(first, last);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "BAD_DATE", "A date YYYY-MM-DD");
        }
    }
}
