package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.AccessRules;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see or act on a resident's bookings: the resident, a linked family member, county
 * staff; a provider its own bookings, a caregiver the visits assigned to them. Everyone else,
 * and every other county, gets the same 404.
 */
@ApplicationScoped
public class BookingAccess {

    public static final int RESIDENT_ID_CHARS_MAX = 64;

    private static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.OFFICER, Role.PROVIDER, Role.CAREGIVER);

    private final ResidentCards cards;

    public BookingAccess(ResidentCards cards) {
        this.cards = cards;
    }

    /** The resident's card, read off the event loop, if the caller may act for that resident. */
    public Uni<ResidentCard> residentFor(Caller caller, String residentId) {
        if (residentId == null || residentId.isBlank() || residentId.length() > RESIDENT_ID_CHARS_MAX) {
            throw ApiException.invalid("residentId", "REQUIRED", "The resident's id");
        }
        return VertxContextSupport.executeBlocking(() -> cards.find(caller.county(), residentId))
                .map(card -> {
                    if (card.isEmpty() || !card.get().mayBeActedForBy(caller, STAFF)) {
                        throw ApiException.notFound("Resident");
                    }
                    return card.get();
                });
    }

    /** The booking, if the caller may see and act on it; otherwise the same 404 as for a missing one. */
    public Uni<Booking> check(Caller caller, Booking booking) {
        if (booking == null) {
            throw ApiException.notFound("Booking");
        }
        return switch (AccessRules.booking(caller, booking.residentId, booking.providerId, booking.caregiverId)) {
            case GRANTED -> Uni.createFrom().item(booking);
            case IF_FAMILY_LINKED -> residentFor(caller, booking.residentId).replaceWith(booking);
            case DENIED -> throw ApiException.notFound("Booking");
        };
    }
}
