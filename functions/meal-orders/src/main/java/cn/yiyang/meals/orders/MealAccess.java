package cn.yiyang.meals.orders;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may act for which resident: the resident themself, a linked family member, and county
 * staff. Anyone else, and any resident of another county, gets the same 404.
 */
@ApplicationScoped
public class MealAccess {

    public static final int RESIDENT_ID_CHARS_MAX = 64;
    static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.CANTEEN, Role.OFFICER);

    private final ResidentCards cards;

    public MealAccess(ResidentCards cards) {
        this.cards = cards;
    }

    public ResidentCard residentFor(Caller caller, String residentId) {
        if (residentId == null || residentId.isBlank() || residentId.length() > RESIDENT_ID_CHARS_MAX) {
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
        if (!mayActForOrder(caller, order.residentId(), () -> cards.find(caller.county(), order.residentId()))) {
            throw ApiException.notFound("Meal order");
        }
    }

    /**
     * The order rule without the store: staff and the resident need no read; a family member is
     * checked against the resident's current card, read only then.
     */
    static boolean mayActForOrder(Caller caller, String residentId, Supplier<Optional<ResidentCard>> currentCard) {
        if (caller.hasAny(STAFF) || (caller.has(Role.RESIDENT) && caller.subject().equals(residentId))) {
            return true;
        }
        return currentCard.get().map(card -> card.mayBeActedForBy(caller, STAFF)).orElse(false);
    }
}
