package cn.yiyang.funds.settlements;

import cn.yiyang.funds.settlements.SettlementOutcome.Result;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The answer of one settlement run for one period: counts per result, and every item. */
@RegisterForReflection
public record SettlementReport(SettlementKind kind, String period, String fundLine, int fiscalYear, int created,
                               int alreadySettled, int refused, int nothingToPay, int deferred, long createdFen,
                               List<SettlementOutcome> items) {

    static SettlementReport of(SettlementKind kind, String period, int fiscalYear, List<SettlementOutcome> items) {
        return new SettlementReport(kind, period, kind.fundLine(), fiscalYear, count(items, Result.CREATED),
                count(items, Result.ALREADY_SETTLED), count(items, Result.REFUSED), count(items, Result.NOTHING_TO_PAY),
                count(items, Result.DEFERRED),
                items.stream().filter(i -> i.result() == Result.CREATED).mapToLong(SettlementOutcome::amountFen).sum(),
                List.copyOf(items));
    }

    private static int count(List<SettlementOutcome> items, Result result) {
        return (int) items.stream().filter(i -> i.result() == result).count();
    }

    /** A scheduled run covers several periods (the meal job looks back a week). */
    @RegisterForReflection
    public record Runs(List<SettlementReport> runs) {
    }
}
