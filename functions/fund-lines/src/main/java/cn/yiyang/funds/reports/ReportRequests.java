package cn.yiyang.funds.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The report routes' requests. */
public final class ReportRequests {

    private ReportRequests() {
    }

    /** {@code GET /v1/fund-reports/lines?fiscalYear=}: required. */
    @RegisterForReflection
    public record LinesOfYear(Integer fiscalYear) {
    }

    /** {@code GET /v1/fund-reports/transfers-csv?month=YYYY-MM}: required. */
    @RegisterForReflection
    public record TransfersOfMonth(String month, @cn.yiyang.kernel.text.Text(maxChars = 200) String cursor) {
    }
}
