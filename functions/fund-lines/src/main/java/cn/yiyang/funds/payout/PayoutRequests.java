package cn.yiyang.funds.payout;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The payout-account routes' requests (path and body in one record each). */
public final class PayoutRequests {

    private PayoutRequests() {
    }

    /** {@code PUT /v1/payout-accounts/{residentId}}: where the resident's payments go from now on, and why it changed. */
    @RegisterForReflection
    public record PayoutAccountChange(String residentId, String kind, String bankCode, String accountNumber,
                                      @Text(maxChars = PayoutAccounts.HOLDER_CHARS_MAX) String holderName,
                                      @Text(maxChars = PayoutAccounts.REASON_CHARS_MAX) String reason) {
    }

    /** {@code PUT /v1/care-home-caregivers/{id}/payout-account}: where the caregiver's post allowance goes from now on, and why. */
    @RegisterForReflection
    public record CaregiverPayoutAccountChange(String id, String kind, String bankCode, String accountNumber,
                                               @Text(maxChars = PayoutAccounts.HOLDER_CHARS_MAX) String holderName,
                                               @Text(maxChars = PayoutAccounts.REASON_CHARS_MAX) String reason) {
    }

    /** {@code GET /v1/payout-accounts/{residentId}}. */
    @RegisterForReflection
    public record PayoutAccountOf(String residentId) {
    }

    /** {@code GET /v1/batches/{id}/payment-file?afterSeq=}. */
    @RegisterForReflection
    public record PaymentFilePage(String id, Integer afterSeq) {
    }

    /** {@code POST /v1/batches/{id}/bank-returns}: one return file of the bank, as text. */
    @RegisterForReflection
    public record BankReturnImport(String id, @Text(maxChars = BankFileLayout.RETURN_FILE_CHARS_MAX) String file) {
    }
}
