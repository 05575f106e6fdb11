package cn.yiyang.identity.staff;

import cn.yiyang.kernel.route.Role;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One staff account as stored (phone only encrypted, indexed and masked; password only hashed). */
public record StaffAccount(UUID id, String county, String name, String phoneMasked, String passwordHash,
                           Set<Role> roles, Map<String, List<String>> org, String status, byte[] totpSecretEnc,
                           boolean totpEnabled, long totpLastStep, int version, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
    public static final String PHONE = "staffPhone";
    public static final String TOTP_SECRET = "totpSecret";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** What encrypted fields are bound to, so a value copied to another row or field does not open. */
    public static String boundTo(UUID id, String field) {
        return "identity.staff_account/" + id + "/" + field;
    }
}
