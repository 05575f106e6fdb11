package cn.yiyang.identity.staff;

import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which roles a staff account may hold and which organisations each acts for: a canteen account
 * names its meal points, a provider account its provider, a caregiver account its caregiver record.
 */
public final class StaffRules {

    public static final Set<Role> STAFF_ROLES = EnumSet.of(Role.OPERATOR, Role.CANTEEN, Role.PROVIDER,
            Role.CAREGIVER, Role.OFFICER, Role.APPROVER, Role.AUDITOR);
    /** The roles that act for an organisation, and how many ids each names at most. */
    public static final Map<Role, Integer> ORG_IDS_MAX = Map.of(Role.CANTEEN, 50, Role.PROVIDER, 1, Role.CAREGIVER, 1);
    public static final int NAME_CHARS_MAX = 50;
    public static final int ORG_ID_CHARS_MAX = 64;
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9-]{1," + ORG_ID_CHARS_MAX + "}");

    private StaffRules() {
    }

    public static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_CHARS_MAX) {
            throw ApiException.invalid("name", "LENGTH", "The name must have 1 to " + NAME_CHARS_MAX + " characters");
        }
        return trimmed;
    }

    public static Set<Role> roles(List<String> claimed) {
        if (claimed == null || claimed.isEmpty()) {
            throw ApiException.invalid("roles", "REQUIRED", "At least one role is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String claim : claimed) {
            Optional<Role> role = Role.fromClaim(claim);
            if (role.isEmpty() || !STAFF_ROLES.contains(role.get())) {
                throw ApiException.invalid("roles", "NOT_A_STAFF_ROLE", "Not a staff role: " + claim);
            }
            roles.add(role.get());
        }
        return roles;
    }

    /** The organisations, exactly for the roles that need them, ids sorted and unique. */
    public static Map<String, List<String>> org(Set<Role> roles, Map<String, List<String>> given) {
        Map<String, List<String>> org = given == null ? Map.of() : given;
        Map<String, List<String>> valid = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : org.entrySet()) {
            Optional<Role> role = Role.fromClaim(entry.getKey());
            if (role.isEmpty() || !ORG_IDS_MAX.containsKey(role.get()) || !roles.contains(role.get())) {
                throw ApiException.invalid("org." + entry.getKey(), "NOT_AN_ORG_ROLE", "No organisation for this role");
            }
        }
        for (Role role : ORG_IDS_MAX.keySet()) {
            if (!roles.contains(role)) {
                continue;
            }
            List<String> ids = org.get(role.claim());
            if (ids == null || ids.isEmpty()) {
                throw new ApiException(IdentityProblem.STAFF_ORG_REQUIRED, "Role " + role.claim() + " needs the ids it acts for");
            }
            if (ids.size() > ORG_IDS_MAX.get(role) || ids.stream().anyMatch(id -> id == null || !ORG_ID.matcher(id).matches())) {
                throw ApiException.invalid("org." + role.claim(), "INVALID", "At most " + ORG_IDS_MAX.get(role) + " ids of letters, digits and '-'");
            }
            valid.put(role.claim(), List.copyOf(new TreeSet<>(ids)));
        }
        return valid;
    }
}
