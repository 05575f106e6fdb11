package cn.yiyang.timebank.accounts;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may see or spend an account, from the rule table ({@link AccessTable}): its holder, officers,
 * a family member the registry links to the resident whose account it is, and hotline operators
 * only for residents' accounts (a resident's account is keyed by the resident's id, so the registry
 * has a card under it; a volunteer's is not). The card is read only when the answer depends on it.
 */
public final class AccountAccess {

    private AccountAccess() {
    }

    public static boolean mayActFor(Caller caller, ObjectKind kind, Action action, String accountId,
                                    Supplier<Optional<ResidentCard>> residentCard) {
        return AccessTable.reaches(caller, kind, action, role -> switch (role) {
            case VOLUNTEER, RESIDENT -> caller.subject().equals(accountId);
            case FAMILY -> caller.actsFor(Role.FAMILY, accountId)
                    || residentCard.get().map(card -> card.familySubjects().contains(caller.subject())).orElse(false);
            case OPERATOR -> residentCard.get().isPresent();
            default -> false;
        });
    }
}
