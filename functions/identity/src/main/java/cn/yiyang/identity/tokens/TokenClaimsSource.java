package cn.yiyang.identity.tokens;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Where the claims of one kind of subject come from today (the staff registry, the WeChat
 * bindings): read again on every refresh, so a token never outlives a change by more than its
 * 15 minutes. Empty when the subject may no longer sign in (disabled, unbound).
 */
public interface TokenClaimsSource {

    SubjectKind kind();

    /** Runs inside the caller's Panache session or transaction. */
    Uni<Optional<TokenClaims>> current(String county, String subject);
}
