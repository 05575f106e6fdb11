package cn.yiyang.meals.orders;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rule table ({@link AccessTable}) for meal orders, meal points and kitchen days: the resident
 * themself, a family member the resident's card links (or the token's {@code org.family} names, as the
 * identity function issues it for a WeChat-bound family member), county staff; a canteen only at its own meal
 * points (the token's {@code org.canteen}). Anyone else, and any object of another county, gets the
 * same 404 as a missing one.
 */
@ApplicationScoped
public class MealAccess {

    public static final int RESIDENT_ID_CHARS_MAX = 64;

    private final ResidentCards cards;

    public MealAccess(ResidentCards cards) {
        this.cards = cards;
    }

    /** The resident an order is placed or listed for, if the caller reaches them; {@code pointId} null when listing. */
    public ResidentCard residentFor(Caller caller, String residentId, Action action, String pointId) {
        requireResidentId(residentId);
        return admitted(caller, cards.find(caller.county(), residentId), action, pointId);
    }

    /** A resident's id as a request names it: present and of a sane length, checked before anything is read. */
    public static void requireResidentId(String residentId) {
        if (residentId == null || residentId.isBlank() || residentId.length() > RESIDENT_ID_CHARS_MAX) {
            throw ApiException.invalid("residentId", "REQUIRED", "The resident's id");
        }
    }

    /** The resident of a card already read (with the request's other items), if there is one and the caller reaches them. */
    public static ResidentCard admitted(Caller caller, Optional<ResidentCard> found, Action action, String pointId) {
        ResidentCard card = found.orElseThrow(() -> ApiException.notFound("Resident"));
        if (!AccessTable.reaches(caller, ObjectKind.MEAL_ORDER, action,
                role -> reachesOrderOf(caller, role, card.residentId(), pointId, () -> Optional.of(card)))) {
            throw ApiException.notFound("Resident");
        }
        return card;
    }

    /** For an existing order: read, cancel, serve or mark missed. */
    public void checkOrder(Caller caller, MealOrder order, Action action) {
        if (!mayActForOrder(caller, order.residentId(), order.mealPointId(), action,
                () -> cards.find(caller.county(), order.residentId()))) {
            throw ApiException.notFound("Meal order");
        }
    }

    /** A meal point's menu or kitchen day: county staff, or a canteen at this point. */
    public static void checkPoint(Caller caller, ObjectKind kind, Action action, String pointId) {
        if (!AccessTable.reaches(caller, kind, action, role -> role == Role.CANTEEN && caller.actsFor(Role.CANTEEN, pointId))) {
            throw ApiException.notFound("Meal point");
        }
    }

    /** The order rule without the store: the resident's card is read only for a family member. */
    static boolean mayActForOrder(Caller caller, String residentId, String pointId, Action action,
                                  Supplier<Optional<ResidentCard>> currentCard) {
        return AccessTable.reaches(caller, ObjectKind.MEAL_ORDER, action,
                role -> reachesOrderOf(caller, role, residentId, pointId, currentCard));
    }

    private static boolean reachesOrderOf(Caller caller, Role role, String residentId, String pointId,
                                          Supplier<Optional<ResidentCard>> card) {
        return switch (role) {
            case RESIDENT -> caller.subject().equals(residentId);
            case FAMILY -> caller.actsFor(Role.FAMILY, residentId)
                    || card.get().map(c -> c.familySubjects().contains(caller.subject())).orElse(false);
            case CANTEEN -> pointId != null && caller.actsFor(Role.CANTEEN, pointId);
            default -> false;
        };
    }
}
