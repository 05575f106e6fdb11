package cn.yiyang.meals.orders;

import cn.yiyang.gateway.auth.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may act for which resident: the resident themself, a linked family member, and county
 * staff. Anyone else, and any resident of another county, gets the same 404.
 */
@ApplicationScoped
public class MealAccess {

    private final ResidentCards cards;

    public MealAccess(ResidentCards cards) {
        this.cards = cards;
    }

    public ResidentCard residentFor(Caller caller, String residentId) {
        if (residentId == null || residentId.isBlank() || residentId.length() > 64) {
            throw ApiException.invalid("residentId", "REQUIRED", "The resident's id");
        }
        ResidentCard card = cards.find(caller.county(), residentId).orElseThrow(() -> ApiException.notFound("Resident"));
        if (!mayActFor(caller, card.residentId(), card)) {
            throw ApiException.notFound("Resident");
        }
        return card;
    }

    /** For an existing order: the resident, their family (from the current card), or staff. */
    public void checkOrder(Caller caller, MealOrder order) {
        if (caller.has(Role.OPERATOR) || caller.has(Role.CANTEEN) || caller.has(Role.OFFICER)) {
            return;
        }
        if (caller.has(Role.RESIDENT) && caller.subject().equals(order.residentId())) {
            return;
        }
        if (caller.has(Role.FAMILY) && cards.find(caller.county(), order.residentId())
                .map(card -> card.familySubjects().contains(caller.subject())).orElse(false)) {
            return;
        }
        throw ApiException.notFound("Meal order");
    }

    private static boolean mayActFor(Caller caller, String residentId, ResidentCard card) {
        return caller.has(Role.OPERATOR) || caller.has(Role.CANTEEN) || caller.has(Role.OFFICER)
                || (caller.has(Role.RESIDENT) && caller.subject().equals(residentId))
                || (caller.has(Role.FAMILY) && card.familySubjects().contains(caller.subject()));
    }
}
