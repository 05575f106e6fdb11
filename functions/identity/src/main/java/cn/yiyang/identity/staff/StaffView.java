package cn.yiyang.identity.staff;

import cn.yiyang.kernel.route.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A staff account as officers see it: masked phone, never a hash or a secret. */
@RegisterForReflection
public record StaffView(String id, String county, String name, String phoneMasked, List<String> roles,
                        Map<String, List<String>> org, String status, boolean totpEnabled, OffsetDateTime createdAt,
                        OffsetDateTime updatedAt) {

    public static StaffView of(StaffAccount a) {
        return new StaffView(a.id().toString(), a.county(), a.name(), a.phoneMasked(),
                a.roles().stream().map(Role::claim).sorted().toList(), a.org(), a.status(), a.totpEnabled(),
                a.createdAt(), a.updatedAt());
    }

    @RegisterForReflection
    public record Page(List<StaffView> items) {
    }

    /** A new authenticator secret, shown once, to be confirmed with a code before it counts. */
    @RegisterForReflection
    public record TotpEnrolment(String secret, String otpauthUri) {
    }
}
