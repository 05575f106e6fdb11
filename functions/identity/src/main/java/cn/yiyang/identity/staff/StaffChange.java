package cn.yiyang.identity.staff;

import cn.yiyang.kernel.identity.MobilePhone;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An officer's edit of a staff account: the account after it, and whether it ends the sessions. */
record StaffChange(StaffAccount after, byte[] phoneEnc, byte[] phoneIndex, boolean endsSessions) {

    static StaffChange of(StaffAccount before, StaffRequests.Update request, PiiProtector pii) {
        String name = request.name() == null ? before.name() : StaffRules.name(request.name());
        Set<Role> roles = request.roles() == null ? before.roles() : StaffRules.roles(request.roles());
        Map<String, List<String>> org = request.org() == null && request.roles() == null ? before.org()
                : StaffRules.org(roles, request.org() == null ? before.org() : request.org());
        String status = status(request.status(), before.status());
        MobilePhone phone = request.phone() == null ? null : StaffService.phone(request.phone());
        String hash = before.passwordHash();
        if (request.password() != null) {
            Passwords.checkRules(request.password(), phone != null ? phone.value() : null);
            hash = Passwords.hash(request.password());
        }
        StaffAccount after = new StaffAccount(before.id(), before.county(), name,
                phone == null ? before.phoneMasked() : phone.masked(), hash, roles, org, status, before.totpSecretEnc(),
                before.totpEnabled(), before.totpLastStep(), before.version(), before.createdAt(), before.updatedAt());
        boolean disabled = before.isActive() && !after.isActive();
        return new StaffChange(after,
                phone == null ? null : pii.encrypt(phone.value(), StaffAccount.boundTo(before.id(), StaffAccount.PHONE)),
                phone == null ? null : pii.index(before.county(), StaffAccount.PHONE, phone.value()),
                disabled || request.password() != null);
    }

    private static String status(String requested, String current) {
        if (requested == null) {
            return current;
        }
        if (!requested.equals(StaffAccount.ACTIVE) && !requested.equals(StaffAccount.DISABLED)) {
            throw ApiException.invalid("status", "UNKNOWN", "The status is ACTIVE or DISABLED");
        }
        return requested;
    }
}
