package cn.yiyang.kernel.api;

import cn.yiyang.kernel.route.Role;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, from a verified token: {@code subject} is the account (for a resident, the
 * resident's id), {@code county} the 6-digit division code the token is bound to, and {@code org}
 * the ids each organisation-bound role acts for (the token's {@code org} claim: a canteen's meal
 * points, a provider, a caregiver record, a family member's residents).
 */
public record Caller(String subject, String county, Set<Role> roles, Map<Role, Set<String>> org) {

    /** Ids per role in a token, and roles a token may carry: both bounded, as the claim is. */
    public static final int ORG_IDS_PER_ROLE_MAX = 64;

    public Caller {
        roles = Set.copyOf(roles);
        Map<Role, Set<String>> copy = new EnumMap<>(Role.class);
        org.forEach((role, ids) -> copy.put(role, Set.copyOf(ids)));
        org = Map.copyOf(copy);
    }

    /**
     * The caller on an open route (discovery, sign-in): no token, so no subject, county or role.
     * Services of open routes never see it ({@link Handler#open}); it only fills the invocation.
     */
    public static final Caller ANONYMOUS = new Caller("", "", Set.of(), Map.of());

    public boolean anonymous() {
        return this == ANONYMOUS;
    }

    public Caller(String subject, String county, Set<Role> roles) {
        this(subject, county, roles, Map.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> admitted) {
        for (Role role : roles) {
            if (admitted.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The ids this caller acts for in a role ({@code canteen} → meal point ids); empty when none. */
    public Set<String> actsFor(Role role) {
        return org.getOrDefault(role, Set.of());
    }

    /** True when the caller holds the role and the token names this object among those it acts for. */
    public boolean actsFor(Role role, String id) {
        return has(role) && actsFor(role).contains(id);
    }
}
