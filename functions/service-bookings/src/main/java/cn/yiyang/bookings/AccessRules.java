package cn.yiyang.bookings;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import java.util.UUID;

/**
 * Who may see or act on what in this function, as pure rules over the caller: county staff any
 * booking; a provider its own bookings, caregivers and days; a caregiver the visits assigned to
 * them; a resident their own bookings; a family member those of a resident they are linked to,
 * which only the resident's card can tell. Whoever may not gets the same 404 as for a missing object.
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

    public static BookingAccess booking(Caller caller, String residentId, UUID providerId, UUID caregiverId) {
        if (caller.has(Role.OPERATOR) || caller.has(Role.OFFICER)
                || (caller.has(Role.PROVIDER) && caller.subject().equals(providerId.toString()))
                || (caller.has(Role.CAREGIVER) && caregiverId != null && caller.subject().equals(caregiverId.toString()))
                || (caller.has(Role.RESIDENT) && caller.subject().equals(residentId))) {
            return BookingAccess.GRANTED;
        }
        return caller.has(Role.FAMILY) ? BookingAccess.IF_FAMILY_LINKED : BookingAccess.DENIED;
    }

    /** Officers manage any provider of their county; a provider only itself. */
    public static boolean mayManageProvider(Caller caller, String providerId) {
        return caller.has(Role.OFFICER) || caller.subject().equals(providerId);
    }

    /** A caregiver's day: the caregiver themself, their provider, or an officer. */
    public static boolean mayReadCaregiverDay(Caller caller, String caregiverId, UUID providerId) {
        return caller.has(Role.OFFICER)
                || (caller.has(Role.CAREGIVER) && caller.subject().equals(caregiverId))
                || (caller.has(Role.PROVIDER) && caller.subject().equals(providerId.toString()));
    }

    /** Only the hotline and officers look bookings up by confirmation code. */
    public static boolean mayLookUpByCode(Caller caller) {
        return caller.has(Role.OPERATOR) || caller.has(Role.OFFICER);
    }
}
