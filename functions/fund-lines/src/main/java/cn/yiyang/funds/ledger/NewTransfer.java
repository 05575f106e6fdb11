package cn.yiyang.funds.ledger;

import cn.yiyang.funds.accounts.Account;
import java.util.UUID;

/** A transfer about to be made, its accounts resolved; compared field by field with an earlier one under the same key. */
public record NewTransfer(Account debit, Account credit, long amountFen, TransferKind kind, UUID reversesId, String causeType,
                          String causeRef, String memo) {

    /** Whether an existing transfer under the same key is this very request again. */
    public boolean sameAs(Transfer t, String maker) {
        return t.debitAccountId().equals(debit.id()) && t.creditAccountId().equals(credit.id()) && t.kind() == kind
                && java.util.Objects.equals(t.reversesId(), reversesId) && java.util.Objects.equals(t.causeType(), causeType)
                && java.util.Objects.equals(t.causeRef(), causeRef) && java.util.Objects.equals(t.memo(), memo)
                && t.maker().equals(maker);
    }
}
