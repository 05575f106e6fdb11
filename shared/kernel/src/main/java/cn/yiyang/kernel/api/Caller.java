package cn.yiyang.kernel.api;

import cn.yiyang.kernel.route.Role;
import java.util.Set;

/**
 * Who is calling, from a verified token: {@code subject} is the account (for a resident, the
 * resident's id), {@code county} the 6-digit division code the token is bound to.
 */
public record Caller(String subject, String county, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
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
}
