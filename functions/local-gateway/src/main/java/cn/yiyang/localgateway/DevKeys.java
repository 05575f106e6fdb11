package cn.yiyang.localgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Keys for one local run only, made at start and never written to the repository: the JWT
 * signing pair (the public half goes to a temp JWKS file for SmallRye JWT, the private half
 * stays in memory for {@code /dev/tokens}) and the PII keys (the embedded data is throw-away).
 */
public final class DevKeys {

    /** The key id dev tokens carry in their header. */
    public static final String KEY_ID = "local-dev";

    private static volatile DevKeys current;

    private final KeyPair jwt;
    private final Path publicKeyJwks;
    private final String piiEncryptionKey;
    private final String piiIndexKey;

    private DevKeys(KeyPair jwt, Path publicKeyJwks, String piiEncryptionKey, String piiIndexKey) {
        this.jwt = jwt;
        this.publicKeyJwks = publicKeyJwks;
        this.piiEncryptionKey = piiEncryptionKey;
        this.piiIndexKey = piiIndexKey;
    }

    public static synchronized DevKeys forThisRun() {
        if (current == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                // A JWKS, not a PEM: it names the key's type and id, so SmallRye never tries it as another
                // algorithm's key (with a PEM and RS256,ES256 allowed, it sometimes read the key as EC).
                Path jwks = Files.createTempFile("yiyang-dev-jwks", ".json");
                jwks.toFile().deleteOnExit();
                Files.writeString(jwks, jwks((RSAPublicKey) pair.getPublic()));
                current = new DevKeys(pair, jwks, randomKey(), randomKey());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return current;
    }

    /** Null unless this process was started by {@link LocalGatewayMain}: no dev key, no dev tokens. */
    public static DevKeys currentOrNull() {
        return current;
    }

    public PrivateKey signingKey() {
        return jwt.getPrivate();
    }

    Map<String, String> asConfig() {
        return Map.of(
                "mp.jwt.verify.publickey.location", publicKeyJwks.toUri().toString(),
                "yiyang.pii.encryption-key", piiEncryptionKey,
                "yiyang.pii.index-key", piiIndexKey);
    }

    /** The public half as a JWKS with the dev tokens' key id. */
    static String jwks(RSAPublicKey key) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + KEY_ID + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + url.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\"" + url.encodeToString(unsigned(key.getPublicExponent()))
                + "\"}]}";
    }

    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
