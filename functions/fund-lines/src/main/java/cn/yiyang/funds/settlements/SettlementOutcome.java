package cn.yiyang.funds.settlements;

import cn.yiyang.kernel.json.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * What a run did with one item. CREATED: a PENDING transfer awaits approval. ALREADY_SETTLED: the key
 * was settled before (by this run's twin, an earlier run or the schedule); {@code settledFen} is what
 * it was settled for, {@code amountFen} what the feed says now. REFUSED: nothing was written for the
 * item; {@code code} and {@code userMessage} say why. NOTHING_TO_PAY: no subsidy behind the figures.
 * DEFERRED: over this run's limit, left for the next run. {@code supersedes}: the rejected or expired
 * settlement this one settles again (under {@code <key>:r<attempt>}).
 */
@RegisterForReflection
public record SettlementOutcome(String settlementKey, String payeeRef, String payeeName, long units, long subsidisedUnits,
                                long amountFen, Result result, @Nullable UUID transferId, @Nullable String transferStatus,
                                @Nullable Long settledFen, @Nullable String code, @Nullable String userMessage,
                                @Nullable String supersedes) {

    public enum Result { CREATED, ALREADY_SETTLED, REFUSED, NOTHING_TO_PAY, DEFERRED }

    static SettlementOutcome of(SettlementItem item, Result result) {
        return new SettlementOutcome(item.settlementKey(), item.payeeRef(), item.payeeName(), item.units(),
                item.subsidisedUnits(), item.amountFen(), result, null, null, null, null, null, item.supersedes());
    }

    static SettlementOutcome settled(SettlementItem item, Result result, Settled settled) {
        // The key it was settled under: the feed's own, or the one that settled a rejected or expired one again.
        return new SettlementOutcome(settled.settlementKey(), item.payeeRef(), item.payeeName(), item.units(),
                item.subsidisedUnits(), item.amountFen(), result, settled.transferId(), settled.transferStatus(),
                settled.amountFen(), null, null, item.supersedes());
    }

    static SettlementOutcome refused(SettlementItem item, String code, String userMessage) {
        return new SettlementOutcome(item.settlementKey(), item.payeeRef(), item.payeeName(), item.units(),
                item.subsidisedUnits(), item.amountFen(), Result.REFUSED, null, null, null, code, userMessage, item.supersedes());
    }
}
