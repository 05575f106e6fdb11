package cn.yiyang.identity.tokens;

import cn.yiyang.identity.keys.RsaJwk;
import cn.yiyang.identity.keys.SigningKeys;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public documents the API Gateway JWT authorizer and every function read: the OpenID
 * discovery document, and the JWKS with every key published today (two while one rotates).
 * Cacheable for {@value #CACHE_SECONDS} s, so a new key must be published at least that long
 * before it signs anything.
 */
@ApplicationScoped
public class Discovery {

    public static final int CACHE_SECONDS = 300;
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final Map<String, String> CACHEABLE = Map.of("cache-control", "public, max-age=" + CACHE_SECONDS);

    private final SigningKeys keys;
    private final AccessTokens access;

    public Discovery(SigningKeys keys, AccessTokens access) {
        this.keys = keys;
        this.access = access;
    }

    public Reply openidConfiguration(NoInput none) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", access.issuer());
        document.put("jwks_uri", access.issuer() + JWKS_PATH);
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint", access.issuer() + "/v1/auth/refresh");
        return new Reply(200, StrictJson.write(document), CACHEABLE);
    }

    public Reply jwks(NoInput none) {
        return new Reply(200, jwksJson(), CACHEABLE);
    }

    public String jwksJson() {
        return StrictJson.write(Map.of("keys", keys.published().stream()
                .map(k -> RsaJwk.of(k.publicKey(), k.keyId())).toList()));
    }
}
