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
 * Keys for one local run only, made at start and never written to the repository: the dev JWT
 * signing pair (the private half stays in memory for {@code /dev/tokens}), the identity function's
 * in-process signing pair (given to it as configuration), both public halves in one temp JWKS file
 * every function verifies with, the PII keys and the audit checkpoints' signing seed (the embedded data
 * is throw-away).
 */
public final class DevKeys {

    /** The key id dev tokens carry in their header. */
    public static final String KEY_ID = "local-dev";
    /** The key id of what the identity function signs here: real sign-ins, beside the dev tokens. */
    public static final String IDENTITY_KEY_ID = "local-identity";

    private static volatile DevKeys current;

    private final KeyPair jwt;
    private final KeyPair identity;
    private final Path publicKeyJwks;
    private final String piiEncryptionKey;
    private final String piiIndexKey;
    private final String auditCheckpointSeed;

    private DevKeys(KeyPair jwt, KeyPair identity, Path publicKeyJwks, String piiEncryptionKey, String piiIndexKey,
                    String auditCheckpointSeed) {
        this.jwt = jwt;
        this.identity = identity;
        this.publicKeyJwks = publicKeyJwks;
        this.piiEncryptionKey = piiEncryptionKey;
        this.piiIndexKey = piiIndexKey;
        this.auditCheckpointSeed = auditCheckpointSeed;
    }

    public static synchronized DevKeys forThisRun() {
        if (current == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                KeyPair identity = generator.generateKeyPair();
                // A JWKS, not a PEM: it names the key's type and id, so SmallRye never tries it as another
                // algorithm's key (with a PEM and RS256,ES256 allowed, it sometimes read the key as EC).
                Path jwks = Files.createTempFile("yiyang-dev-jwks", ".json");
                jwks.toFile().deleteOnExit();
                Files.writeString(jwks, jwks((RSAPublicKey) pair.getPublic(), (RSAPublicKey) identity.getPublic()));
                current = new DevKeys(pair, identity, jwks, randomKey(), randomKey(), randomKey());
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
                "yiyang.pii.index-key", piiIndexKey,
                "yiyang.audit.checkpoint-seed", auditCheckpointSeed,
                "yiyang.identity.local.private-key", Base64.getEncoder().encodeToString(identity.getPrivate().getEncoded()),
                "yiyang.identity.local.key-id", IDENTITY_KEY_ID);
    }

    /** The public halves as a JWKS: the dev tokens' key and the identity function's, each with its key id. */
    static String jwks(RSAPublicKey dev, RSAPublicKey identity) {
        return "{\"keys\":[" + jwk(dev, KEY_ID) + "," + jwk(identity, IDENTITY_KEY_ID) + "]}";
    }

    private static String jwk(RSAPublicKey key, String keyId) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"kid\":\"" + keyId + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + url.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\"" + url.encodeToString(unsigned(key.getPublicExponent()))
                + "\"}";
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
