package cn.yiyang.gateway.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** RS256 access tokens as the identity function issues them, signed with a test key pair, for the gateway's tests. */
public final class SignedTokens {

    public static final String ISSUER = "https://issuer.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedTokens() {
    }

    /** A fresh RSA 2048 key pair, as the identity function's KMS key signs with. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for one role of a county, expiring {@code seconds} after now. */
    public static String of(KeyPair signer, String subject, String county, String role, long seconds) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = Map.of("iss", ISSUER, "sub", subject, "county", county, "groups", List.of(role),
                "iat", now, "exp", now + seconds);
        try {
            String input = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT"))) + "."
                    + b64(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
