package cn.yiyang.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds compact JWS tokens byte by byte, so tests can make both good tokens and every kind of
 * bad one (alg=none, HS256 keyed with the public key, tampered payloads, injected headers).
 */
public final class JwtForge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();

    public JwtForge header(String name, Object value) {
        header.put(name, value);
        return this;
    }

    public JwtForge claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    public Map<String, Object> claims() {
        return claims;
    }

    public String signRs256(PrivateKey key) {
        return sign("RS256", "SHA256withRSA", key);
    }

    public String signEs256(PrivateKey key) {
        return sign("ES256", "SHA256withECDSAinP1363Format", key);
    }

    public String signHs256(byte[] secret) {
        header.put("alg", "HS256");
        String input = signingInput();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String unsigned() {
        header.put("alg", "none");
        return signingInput() + ".";
    }

    private String sign(String alg, String jcaName, PrivateKey key) {
        header.putIfAbsent("alg", alg);
        String input = signingInput();
        try {
            Signature signature = Signature.getInstance(jcaName);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signingInput() {
        header.putIfAbsent("typ", "JWT");
        return b64(json(header)) + "." + b64(json(claims));
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
