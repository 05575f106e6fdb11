package cn.yiyang.meals.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;

/**
 * Meals per meal point and day, shaped for a chart: {@code dates} is the x axis, and each point's
 * {@code served} (dine-in), {@code delivered} and {@code noShows} hold one figure per date, in that order.
 * Every point of the county is listed, with zeros where nothing ended.
 */
@RegisterForReflection
public record MealsServed(LocalDate from, LocalDate to, List<LocalDate> dates, List<PointSeries> points, Totals totals) {

    @RegisterForReflection
    public record PointSeries(String mealPointId, String name, List<Long> served, List<Long> delivered,
                              List<Long> noShows) {
    }

    @RegisterForReflection
    public record Totals(long served, long delivered, long noShows) {
    }
}
