package cn.yiyang.funds.settlements;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The settlement routes' requests: path, query and body in one record each. */
public final class SettlementRequests {

    private SettlementRequests() {
    }

    /** {@code POST /v1/settlements/meals}: a past day, {@code YYYY-MM-DD}. */
    @RegisterForReflection
    public record MealRun(String date) {
    }

    /** {@code POST /v1/settlements/bookings}: a past month, {@code YYYY-MM}. */
    @RegisterForReflection
    public record BookingRun(String month) {
    }

    /** {@code GET /v1/held-visits?month=}: required. */
    @RegisterForReflection
    public record HeldVisitsOfMonth(String month) {
    }

    /** {@code POST /v1/held-visits/{id}/release} and {@code /reject}: the booking id and why. */
    @RegisterForReflection
    public record VisitDecision(String id, @Text(maxChars = HeldVisits.REASON_CHARS_MAX) String reason) {
    }

    /** {@code GET /v1/settlements?kind=&period=}: both required. */
    @RegisterForReflection
    public record SettlementFilter(String kind, String period) {
    }
}
