package cn.yiyang.funds.ledger;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** The bodies of the requests that create transfers. */
public final class TransferRequests {

    private TransferRequests() {
    }

    @RegisterForReflection
    public record Payment(UUID debitAccountId, UUID creditAccountId, Long amountFen, String causeType, String causeRef,
                          String memo) {
    }

    @RegisterForReflection
    public record Appropriation(String fundLine, Integer fiscalYear, Long amountFen, String memo) {
    }

    @RegisterForReflection
    public record Reversal(String memo) {
    }

    @RegisterForReflection
    public record Resolution(String reason) {
    }
}
