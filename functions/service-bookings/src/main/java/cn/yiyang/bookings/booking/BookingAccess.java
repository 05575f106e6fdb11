package cn.yiyang.bookings.booking;

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

    private static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.OFFICER, Role.PROVIDER, Role.CAREGIVER);

    private final ResidentCards cards;

    public BookingAccess(ResidentCards cards) {
        this.cards = cards;
    }

    /** The resident's card, read off the event loop, if the caller may act for that resident. */
    public Uni<ResidentCard> residentFor(Caller caller, String residentId) {
        if (residentId == null || residentId.isBlank() || residentId.length() > 64) {
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

    public Uni<Booking> check(Caller caller, Booking booking) {
        if (booking == null) {
            throw ApiException.notFound("Booking");
        }
        if (caller.has(Role.OPERATOR) || caller.has(Role.OFFICER)
                || (caller.has(Role.PROVIDER) && caller.subject().equals(booking.providerId.toString()))
                || (caller.has(Role.CAREGIVER) && booking.caregiverId != null && caller.subject().equals(booking.caregiverId.toString()))
                || (caller.has(Role.RESIDENT) && caller.subject().equals(booking.residentId))) {
            return Uni.createFrom().item(booking);
        }
        if (caller.has(Role.FAMILY)) {
            return residentFor(caller, booking.residentId).replaceWith(booking);
        }
        throw ApiException.notFound("Booking");
    }

}
