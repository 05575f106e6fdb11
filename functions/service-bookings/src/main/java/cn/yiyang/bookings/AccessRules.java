package cn.yiyang.bookings;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.access.Scope;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import java.util.UUID;

/**
 * The rule table ({@link AccessTable}) for this function's objects, held against the token:
 * county staff reach any booking; a provider its own bookings, caregivers and days (the token's
 * {@code org.provider}); a caregiver the visits assigned to them ({@code org.caregiver}); a resident
 * their own bookings ({@code sub}); a family member those of a resident they are linked to, which
 * only the resident's card can tell. Whoever may not gets the same 404 as for a missing object.
 */
public final class AccessRules {

    /** What a caller may do with one booking, from the booking alone. */
    public enum BookingAccess {
        GRANTED,
        /** Granted only if the resident's card links the caller as family. */
        IF_FAMILY_LINKED,
        DENIED
    }

    private AccessRules() {
    }

    /** One booking, for an action on it as a booking or as a visit ({@code kind}). */
    public static BookingAccess booking(Caller caller, ObjectKind kind, Action action, String residentId, UUID providerId,
                                        UUID caregiverId) {
        boolean reached = AccessTable.reaches(caller, kind, action, role -> switch (role) {
            case RESIDENT -> caller.subject().equals(residentId);
            case PROVIDER -> caller.actsFor(Role.PROVIDER, providerId.toString());
            case CAREGIVER -> caregiverId != null && caller.actsFor(Role.CAREGIVER, caregiverId.toString());
            default -> false;
        });
        if (reached) {
            return BookingAccess.GRANTED;
        }
        return caller.has(Role.FAMILY) && AccessTable.scope(kind, Role.FAMILY, action) == Scope.OWN
                ? BookingAccess.IF_FAMILY_LINKED : BookingAccess.DENIED;
    }

    /** A provider's caregivers and days: officers any provider of their county, a provider only its own. */
    public static boolean reachesProvider(Caller caller, ObjectKind kind, Action action, String providerId) {
        return AccessTable.reaches(caller, kind, action, role -> role == Role.PROVIDER && caller.actsFor(Role.PROVIDER, providerId));
    }

    /** A caregiver's day: the caregiver themself, their provider, or an officer. */
    public static boolean mayReadCaregiverDay(Caller caller, String caregiverId, UUID providerId) {
        return AccessTable.reaches(caller, ObjectKind.VISIT, Action.READ, role -> switch (role) {
            case CAREGIVER -> caller.actsFor(Role.CAREGIVER, caregiverId);
            case PROVIDER -> caller.actsFor(Role.PROVIDER, providerId.toString());
            default -> false;
        });
    }

    /** Only those who reach every booking of the county (the hotline, officers) look bookings up by code. */
    public static boolean mayLookUpByCode(Caller caller) {
        return AccessTable.reaches(caller, ObjectKind.BOOKING, Action.READ, role -> false);
    }
}
