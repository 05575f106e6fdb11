package cn.yiyang.identity.tokens;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/**
 * What a sign-in or a refresh answers. Expiries are instants, not "seconds from now", so a replayed
 * refresh answer is the very same bytes.
 */
@RegisterForReflection
public record TokenPair(String tokenType, String accessToken, OffsetDateTime accessTokenExpiresAt,
                        String refreshToken, OffsetDateTime refreshTokenExpiresAt) {

    public static TokenPair bearer(String accessToken, OffsetDateTime accessExpiresAt, String refreshToken,
                                   OffsetDateTime refreshExpiresAt) {
        return new TokenPair("Bearer", accessToken, accessExpiresAt, refreshToken, refreshExpiresAt);
    }
}
