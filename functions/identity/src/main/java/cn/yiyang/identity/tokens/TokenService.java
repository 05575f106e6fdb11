package cn.yiyang.identity.tokens;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.PgOperations;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Issuing a pair after a sign-in, refreshing and signing out. Each store step is its own short
 * transaction; the access token is signed after it commits (a KMS call never holds a row lock).
 */
@ApplicationScoped
public class TokenService {

    private final PgOperations pg;
    private final RefreshTokens refreshTokens;
    private final AccessTokens access;
    private final Clock clock;

    public TokenService(PgOperations pg, RefreshTokens refreshTokens, AccessTokens access, Clock clock) {
        this.pg = pg;
        this.refreshTokens = refreshTokens;
        this.access = access;
        this.clock = clock;
    }

    /** The body of the refresh and sign-out routes. */
    @RegisterForReflection
    public record RefreshRequest(String refreshToken) {
    }

    /** A fresh sign-in's pair (a new refresh family), after the caller has proved who it is. */
    public TokenPair issue(TokenClaims claims) {
        RefreshTokens.Issued issued = pg.inTransaction(() -> refreshTokens.start(claims, clock.instant()));
        return pairOf(issued);
    }

    /** The same, inside a transaction the caller already holds (a binding that signs in at once). */
    public io.smallrye.mutiny.Uni<RefreshTokens.Issued> startInTransaction(TokenClaims claims, Instant now) {
        return refreshTokens.start(claims, now);
    }

    public TokenPair pairOf(RefreshTokens.Issued issued) {
        return TokenPair.bearer(access.sign(issued.accessPayload()), AccessTokens.expiryOf(issued.accessPayload()),
                issued.refreshToken(), issued.refreshTokenExpiresAt());
    }

    public Reply refresh(RefreshRequest request) {
        String token = presented(request);
        RefreshTokens.Outcome rotation = pg.inTransaction(() -> refreshTokens.rotate(token, clock.instant()));
        if (rotation instanceof RefreshTokens.Refused refused) {
            throw new ApiException(refused.code(), refused.detail());
        }
        return Reply.ok(pairOf((RefreshTokens.Issued) rotation));
    }

    /** Ends the token's family. The answer is the same whether the token was known or not. */
    public Reply signOut(RefreshRequest request) {
        String token = presented(request);
        pg.inTransaction(() -> refreshTokens.revokeFamilyOf(token, clock.instant()));
        return Reply.ok(new SignedOut(true));
    }

    @RegisterForReflection
    public record SignedOut(boolean signedOut) {
    }

    private static String presented(RefreshRequest request) {
        if (request.refreshToken() == null) {
            throw ApiException.invalid("refreshToken", "REQUIRED", "The refresh token is required");
        }
        if (!RefreshTokens.isWellFormed(request.refreshToken())) {
            throw new ApiException(IdentityProblem.REFRESH_TOKEN_INVALID, "Not a refresh token of this issuer");
        }
        return request.refreshToken();
    }
}
