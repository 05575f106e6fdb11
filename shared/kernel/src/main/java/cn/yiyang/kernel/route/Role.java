package cn.yiyang.kernel.route;

import java.util.Locale;
import java.util.Optional;

/** The roles a token's {@code groups} claim may carry, in lower case on the wire. */
public enum Role {
    RESIDENT, FAMILY, OPERATOR, CANTEEN, PROVIDER, CAREGIVER, VOLUNTEER, OFFICER, APPROVER, AUDITOR, PLATFORM;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String claim) {
        for (Role role : values()) {
            if (role.claim().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
