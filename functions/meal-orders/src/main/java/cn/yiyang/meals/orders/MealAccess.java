package cn.yiyang.meals.orders;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may act for which resident: the resident themself, a linked family member, and county
 * staff. Anyone else, and any resident of another county, gets the same 404.
 */
@ApplicationScoped
public class MealAccess {

    private static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.CANTEEN, Role.OFFICER);

    private final ResidentCards cards;

    public MealAccess(ResidentCards cards) {
        this.cards = cards;
    }

    public ResidentCard residentFor(Caller caller, String residentId) {
        if (residentId == null || residentId.isBlank() || residentId.length() > 64) {
            throw ApiException.invalid("residentId", "REQUIRED", "The resident's id");
        }
        ResidentCard card = cards.find(caller.county(), residentId).orElseThrow(() -> ApiException.notFound("Resident"));
        if (!card.mayBeActedForBy(caller, STAFF)) {
            throw ApiException.notFound("Resident");
        }
        return card;
    }

    /** For an existing order: the resident, their family (from the current card), or staff. */
    public void checkOrder(Caller caller, MealOrder order) {
        // Staff and the resident need no read; a family member is checked against the current card.
        if (caller.hasAny(STAFF) || (caller.has(Role.RESIDENT) && caller.subject().equals(order.residentId()))) {
            return;
        }
        if (!cards.find(caller.county(), order.residentId()).map(card -> card.mayBeActedForBy(caller, STAFF)).orElse(false)) {
            throw ApiException.notFound("Meal order");
        }
    }

}
