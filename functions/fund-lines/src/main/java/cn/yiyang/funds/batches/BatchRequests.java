package cn.yiyang.funds.batches;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The batch routes' requests: path, query and body in one record each ({@code id} and {@code kind} are the path's). */
public final class BatchRequests {

    private BatchRequests() {
    }

    /** {@code POST /v1/batches}: {@code kind} ALLOWANCE, BED or CAREGIVER_POST; {@code month} YYYY-MM. */
    @RegisterForReflection
    public record NewBatch(String kind, String month) {
    }

    /** {@code POST /v1/batches/{id}/cancel}: why a DRAFT is withdrawn. */
    @RegisterForReflection
    public record Cancellation(String id, @Text(maxChars = BatchApproval.REASON_CHARS_MAX) String reason) {
    }

    /** {@code GET /v1/batches?month=&kind=}. */
    @RegisterForReflection
    public record BatchFilter(String month, String kind) {
    }

    /** {@code GET /v1/batches/{id}?afterSeq=}: one page of the batch's report, after an item's sequence number. */
    @RegisterForReflection
    public record ReportPage(String id, Integer afterSeq) {
    }

    /** {@code GET /v1/batch-policies/{kind}}: {@code allowance}, {@code beds} or {@code caregiver-posts}. */
    @RegisterForReflection
    public record PolicyOf(String kind) {
    }

    /**
     * {@code PUT /v1/batch-policies/{kind}}: the fields of the kind's policy, {@code bands} for
     * {@code allowance}, {@code dailyRateFen} and {@code upliftPercent} for {@code beds}, {@code effectiveFrom}
     * and {@code ratesFen} for {@code caregiver-posts}; the other kinds' fields are refused.
     */
    @RegisterForReflection
    public record PolicyChange(String kind, List<AllowancePolicy.Band> bands, Long dailyRateFen,
                               BedPolicy.Uplifts upliftPercent, String effectiveFrom, CaregiverPostPolicy.Rates ratesFen) {
    }
}
