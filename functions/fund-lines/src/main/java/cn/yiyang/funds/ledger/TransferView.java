package cn.yiyang.funds.ledger;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.time.CountyTime;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A transfer as answers show it. */
@RegisterForReflection
public record TransferView(UUID id, String fundLine, TransferKind kind, UUID debitAccountId, UUID creditAccountId,
                           long amountFen, TransferStatus status, int requiredApprovals, List<String> approvers,
                           String maker, @Nullable UUID reversesId, @Nullable String causeType,
                           @Nullable String causeRef, @Nullable String memo, OffsetDateTime createdAt,
                           @Nullable OffsetDateTime expiresAt, @Nullable String resolvedBy, @Nullable String reason,
                           @Nullable OffsetDateTime resolvedAt) {

    public static TransferView of(Transfer t) {
        return new TransferView(t.id(), t.fundLine(), t.kind(), t.debitAccountId(), t.creditAccountId(), t.amountFen(),
                t.status(), t.requiredApprovals(), t.approvers(), t.maker(), t.reversesId(), t.causeType(), t.causeRef(),
                t.memo(), CountyTime.shown(t.createdAt()), CountyTime.shown(t.expiresAt()), t.resolvedBy(), t.reason(),
                CountyTime.shown(t.resolvedAt()));
    }

    /** The answer the creating request got, rebuilt from the immutable row: what a replay of that request returns. */
    public static TransferView asCreated(Transfer t) {
        return new TransferView(t.id(), t.fundLine(), t.kind(), t.debitAccountId(), t.creditAccountId(), t.amountFen(),
                TransferStatus.PENDING, t.requiredApprovals(), List.of(), t.maker(), t.reversesId(), t.causeType(),
                t.causeRef(), t.memo(), CountyTime.shown(t.createdAt()), CountyTime.shown(t.expiresAt()), null, null, null);
    }

    @RegisterForReflection
    public record Page(List<TransferView> items) {
        public static Page of(List<Transfer> transfers) {
            return new Page(transfers.stream().map(TransferView::of).toList());
        }
    }
}
