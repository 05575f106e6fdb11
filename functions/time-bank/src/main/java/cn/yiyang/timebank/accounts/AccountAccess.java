package cn.yiyang.timebank.accounts;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.stores.cards.ResidentCard;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may see or spend an account: its holder, staff (operator, officer), or a family member the
 * registry links to the resident whose account it is. The card is read only when the answer
 * depends on it.
 */
public final class AccountAccess {

    static final Set<Role> STAFF = Set.of(Role.OPERATOR, Role.OFFICER);

    private AccountAccess() {
    }

    public static boolean mayActFor(Caller caller, String accountId, Supplier<Optional<ResidentCard>> residentCard) {
        if (caller.subject().equals(accountId) || caller.hasAny(STAFF)) {
            return true;
        }
        return caller.has(Role.FAMILY) && residentCard.get().map(card -> card.mayBeActedForBy(caller, Set.of())).orElse(false);
    }
}
