package cn.yiyang.identity.staff;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** The bodies of the staff routes, as sent. */
public final class StaffRequests {

    private StaffRequests() {
    }

    /** {@code county} only from the platform role, which creates a county's first officer. */
    @RegisterForReflection
    public record Create(String county, String name, String phone, @Text(verbatim = true) String password, List<String> roles,
                         Map<String, List<String>> org) {
    }

    /** Every field optional; {@code status: DISABLED} ends the account's sessions at once. */
    @RegisterForReflection
    public record Update(String id, String name, String phone, @Text(verbatim = true) String password, List<String> roles,
                         Map<String, List<String>> org, String status) {
    }

    @RegisterForReflection
    public record SignIn(String county, String phone, @Text(verbatim = true) String password, String totpCode) {
    }

    @RegisterForReflection
    public record TotpConfirm(String code) {
    }
}
