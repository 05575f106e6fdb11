package cn.yiyang.identity.staff;

import cn.yiyang.identity.tokens.SubjectKind;
import cn.yiyang.identity.tokens.TokenClaims;
import cn.yiyang.identity.tokens.TokenClaimsSource;
import cn.yiyang.kernel.route.Role;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** A staff account's claims today: its roles and organisations; none once it is disabled. */
@ApplicationScoped
public class StaffClaims implements TokenClaimsSource {

    private final StaffAccounts accounts;

    public StaffClaims(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public SubjectKind kind() {
        return SubjectKind.STAFF;
    }

    @Override
    public Uni<Optional<TokenClaims>> current(String county, String subject) {
        return accounts.find(county, UUID.fromString(subject), false)
                .map(found -> found.filter(StaffAccount::isActive).map(StaffClaims::of));
    }

    public static TokenClaims of(StaffAccount a) {
        return new TokenClaims(SubjectKind.STAFF, a.id().toString(), a.county(),
                a.roles().stream().map(Role::claim).sorted().toList(), a.org());
    }
}
