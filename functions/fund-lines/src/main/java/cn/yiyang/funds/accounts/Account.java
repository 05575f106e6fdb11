package cn.yiyang.funds.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** An account and its balances, in fen. {@code available} is what a debit may still take. */
@RegisterForReflection
public record Account(UUID id, UUID fundLineId, String fundLine, AccountKind kind, Integer fiscalYear, String payeeType,
                      String payeeRef, String name, boolean floorEnforced, long debitsPending, long debitsPosted,
                      long creditsPending, long creditsPosted) {

    /** Posted credits less posted and pending debits: what the account can still pay out. */
    public long available() {
        return creditsPosted - debitsPosted - debitsPending;
    }

    /** The posted balance, credits less debits: a SOURCE's is negative, the sum of what it appropriated. */
    public long postedBalance() {
        return creditsPosted - debitsPosted;
    }
}
