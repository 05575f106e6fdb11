package cn.yiyang.meals.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The meal reports' requests. */
public final class ReportRequests {

    private ReportRequests() {
    }

    /**
     * {@code GET /v1/meal-reports/served?from=&to=}: dates {@code YYYY-MM-DD}, both inclusive; without them the
     * last {@link MealReports#DEFAULT_DAYS} days up to today.
     */
    @RegisterForReflection
    public record Served(String from, String to) {
    }
}
