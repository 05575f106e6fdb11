package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.AccessRules;
import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see or act on a resident's bookings ({@link AccessRules}, from the rule table): the
 * resident, a linked family member, county staff; a provider its own bookings, a caregiver the
 * visits assigned to them. Everyone else, and every other county, gets the same 404.
 */
@ApplicationScoped
public class BookingAccess {

    public static final int RESIDENT_ID_CHARS_MAX = 64;

    private final ResidentCards cards;

    public BookingAccess(ResidentCards cards) {
        this.cards = cards;
    }

    /** The resident's card, read off the event loop, if the caller may book for ({@code CREATE}) or list ({@code READ}) them. */
    public Uni<ResidentCard> residentFor(Caller caller, String residentId, Action action) {
        if (residentId == null || residentId.isBlank() || residentId.length() > RESIDENT_ID_CHARS_MAX) {
            throw ApiException.invalid("residentId", "REQUIRED", "The resident's id");
        }
        return VertxContextSupport.executeBlocking(() -> cards.find(caller.county(), residentId))
                .map(card -> {
                    if (card.isEmpty() || !AccessTable.reaches(caller, ObjectKind.BOOKING, action,
                            role -> reachesResident(caller, role, card.get()))) {
                        throw ApiException.notFound("Resident");
                    }
                    return card.get();
                });
    }

    /** The booking, if the caller may do this to it; otherwise the same 404 as for a missing one. */
    public Uni<Booking> check(Caller caller, Booking booking, ObjectKind kind, Action action) {
        if (booking == null) {
            throw ApiException.notFound("Booking");
        }
        return switch (AccessRules.booking(caller, kind, action, booking.residentId, booking.providerId, booking.caregiverId)) {
            case GRANTED -> Uni.createFrom().item(booking);
            case IF_FAMILY_LINKED -> VertxContextSupport.executeBlocking(() -> cards.find(caller.county(), booking.residentId))
                    .map(card -> {
                        if (card.isEmpty() || !reachesResident(caller, Role.FAMILY, card.get())) {
                            throw ApiException.notFound("Booking");
                        }
                        return booking;
                    });
            case DENIED -> throw ApiException.notFound("Booking");
        };
    }

    private static boolean reachesResident(Caller caller, Role role, ResidentCard card) {
        return switch (role) {
            case RESIDENT -> caller.subject().equals(card.residentId());
            case FAMILY -> caller.actsFor(Role.FAMILY, card.residentId()) || card.familySubjects().contains(caller.subject());
            default -> false;
        };
    }
}
