package cn.yiyang.funds.batches;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The bodies of the requests that make and end batches. */
public final class BatchRequests {

    private BatchRequests() {
    }

    /** {@code kind}: ALLOWANCE or BED; {@code month}: YYYY-MM. */
    @RegisterForReflection
    public record NewBatch(String kind, String month) {
    }

    @RegisterForReflection
    public record Cancellation(String reason) {
    }
}
