package cn.yiyang.timebank.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The points report's request. */
public final class PointsRequests {

    private PointsRequests() {
    }

    /**
     * {@code GET /v1/time-bank/reports/points?from=&to=}: dates {@code YYYY-MM-DD}, both inclusive; without them
     * the last {@link PointsReports#DEFAULT_DAYS} days up to today.
     */
    @RegisterForReflection
    public record Range(String from, String to) {
    }
}
