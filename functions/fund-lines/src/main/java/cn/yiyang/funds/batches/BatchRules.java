package cn.yiyang.funds.batches;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.kernel.problem.ApiException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which month a batch may be made for, as pure rules: an allowance for this month or any of the
 * {@link #MONTHS_BACK_MAX} before; a bed subsidy or a caregiver post allowance only for a finished month among them.
 */
public final class BatchRules {

    public static final int MONTHS_BACK_MAX = 12;

    private BatchRules() {
    }

    public static BatchKind kind(String text) {
        Optional<BatchKind> kind = BatchKind.parse(text);
        if (kind.isEmpty()) {
            throw ApiException.invalid("kind", "BAD_KIND", "ALLOWANCE, BED or CAREGIVER_POST");
        }
        return kind.get();
    }

    public static YearMonth month(String text) {
        try {
            if (text != null && text.matches("[0-9]{4}-[0-9]{2}")) {
                return YearMonth.parse(text);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.invalid("month", "BAD_MONTH", "A month YYYY-MM");
    }

    public static void checkMonthOpen(BatchKind kind, YearMonth month, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        YearMonth latest = kind.plannedFromBeds() ? current.minusMonths(1) : current;
        if (month.isAfter(latest) || month.isBefore(current.minusMonths(MONTHS_BACK_MAX))) {
            throw new ApiException(FundProblem.BATCH_MONTH_NOT_OPEN, "Allowances: this month or the " + MONTHS_BACK_MAX
                    + " before; bed subsidies and caregiver posts: a finished month among the " + MONTHS_BACK_MAX + " before");
        }
    }

    /** A batch holds at least one item and at most {@link BatchService#ITEMS_PER_BATCH_MAX}. */
    public static void checkItemCount(int items, YearMonth month) {
        if (items == 0) {
            throw new ApiException(FundProblem.BATCH_EMPTY, "Nobody is due a payment for " + month);
        }
        if (items > BatchService.ITEMS_PER_BATCH_MAX) {
            throw new ApiException(FundProblem.BATCH_TOO_LARGE, items + " items, at most " + BatchService.ITEMS_PER_BATCH_MAX);
        }
    }
}
