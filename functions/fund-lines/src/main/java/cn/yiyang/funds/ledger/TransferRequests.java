package cn.yiyang.funds.ledger;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** The transfer routes' requests: path, query and body in one record each ({@code id} is the path's). */
public final class TransferRequests {

    private TransferRequests() {
    }

    /** {@code POST /v1/transfers}. */
    @RegisterForReflection
    public record Payment(UUID debitAccountId, UUID creditAccountId, Long amountFen, String causeType,
                          @Text(maxChars = TransferRules.CAUSE_REF_CHARS_MAX) String causeRef,
                          @Text(maxChars = TransferRules.MEMO_CHARS_MAX) String memo) {
    }

    /** {@code POST /v1/appropriations}. */
    @RegisterForReflection
    public record Appropriation(String fundLine, Integer fiscalYear, Long amountFen,
                                @Text(maxChars = TransferRules.MEMO_CHARS_MAX) String memo) {
    }

    /** {@code POST /v1/transfers/{id}/reverse}. */
    @RegisterForReflection
    public record Reversal(String id, @Text(maxChars = TransferRules.MEMO_CHARS_MAX) String memo) {
    }

    /** {@code POST /v1/transfers/{id}/reject} and {@code /void}: the reason, required for a rejection. */
    @RegisterForReflection
    public record Resolution(String id, @Text(maxChars = ApprovalRules.REASON_CHARS_MAX) String reason) {
    }

    /**
     * {@code GET /v1/transfers?status=&accountId=&limit=}. The status is read case-insensitively and
     * the account id as text, so an id that is not a UUID answers 404 as an unknown account does.
     */
    @RegisterForReflection
    public record TransferFilter(String status, String accountId, Integer limit) {
    }
}
