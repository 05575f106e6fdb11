package cn.yiyang.identity.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** RSA public keys as JWKs, and their RFC 7638 thumbprints, which serve as key ids. */
public final class RsaJwk {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private RsaJwk() {
    }

    public static Map<String, Object> of(RSAPublicKey key, String keyId) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", keyId);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", URL.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", URL.encodeToString(unsigned(key.getPublicExponent())));
        return jwk;
    }

    /**
     * RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace. A key id that
     * says nothing of where the key lives (no KMS ARN, no account) and is the same wherever it is computed.
     */
    public static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + URL.encodeToString(unsigned(key.getPublicExponent()))
                + "\",\"kty\":\"RSA\",\"n\":\"" + URL.encodeToString(unsigned(key.getModulus())) + "\"}";
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
