package cn.yiyang.identity.tokens;

import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.identity.keys.SigningKeys;
import cn.yiyang.identity.keys.TokenSigner;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access tokens: compact JWS, RS256, at most {@value #LIFETIME_SECONDS_MAX} s, with {@code sub},
 * {@code county}, {@code groups} and {@code org} from the store. The payload is fixed first (and
 * kept with a rotation); signing is a separate step, done outside any transaction because a KMS
 * call is a network call.
 */
@ApplicationScoped
public class AccessTokens {

    public static final long LIFETIME_SECONDS_MAX = 900;
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final long lifetimeSeconds;

    public AccessTokens(SigningKeys keys,
                        @ConfigProperty(name = "yiyang.identity.issuer") String issuer,
                        @ConfigProperty(name = "yiyang.identity.audience", defaultValue = "yiyang-api") String audience,
                        @ConfigProperty(name = "yiyang.identity.access-token-seconds", defaultValue = "900") long lifetimeSeconds) {
        if (lifetimeSeconds < 60 || lifetimeSeconds > LIFETIME_SECONDS_MAX) {
            throw new IllegalStateException("access tokens live 60.." + LIFETIME_SECONDS_MAX + " s");
        }
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    public String issuer() {
        return issuer;
    }

    /** The claims of a token issued at {@code issuedAt}, as the JSON that will be signed. */
    public String payload(TokenClaims claims, Instant issuedAt) {
        long iat = issuedAt.getEpochSecond();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer);
        payload.put("aud", audience);
        payload.put("sub", claims.subject());
        payload.put("county", claims.county());
        payload.put("groups", claims.groups());
        payload.put("org", claims.org());
        payload.put("iat", iat);
        payload.put("exp", iat + lifetimeSeconds);
        payload.put("jti", UUID.randomUUID().toString());
        return StrictJson.write(payload);
    }

    /** Signs a payload with today's key. The same payload always gives the same token (RS256 is deterministic). */
    public String sign(String payload) {
        TokenSigner signer = keys.signer();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", signer.keyId());
        String input = URL.encodeToString(StrictJson.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return input + "." + URL.encodeToString(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    public static OffsetDateTime expiryOf(String payload) {
        JsonNode claims = StrictJson.read(payload, JsonNode.class);
        return Instant.ofEpochSecond(claims.path("exp").asLong()).atOffset(ZoneOffset.UTC);
    }
}
