package cn.yiyang.timebank.transfers;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The gift, donation and grant routes' requests. */
public final class TransferRequests {

    private TransferRequests() {
    }

    /** {@code POST /v1/time-bank/gifts}: the calling volunteer gives points to a parent. */
    @RegisterForReflection
    public record Gift(String toResidentId, long points) {
    }

    /** {@code POST /v1/time-bank/donations}: the caller gives points to the county's pool. */
    @RegisterForReflection
    public record Donation(long points) {
    }

    /** {@code POST /v1/time-bank/grants}: an officer grants from the pool to a priority resident, saying why. */
    @RegisterForReflection
    public record Grant(String residentId, long points, @Text(maxChars = TransferRules.REASON_CHARS_MAX) String reason) {
    }
}
