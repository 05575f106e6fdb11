package cn.yiyang.funds.settlements;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The bodies of the settlement runs. */
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
}
