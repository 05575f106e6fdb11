package cn.yiyang.localgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Keys for one local run only, made at start and never written to the repository: the JWT
 * signing pair (the public half goes to a temp PEM file for SmallRye JWT, the private half
 * stays in memory for {@code /dev/tokens}) and the PII keys (the embedded data is throw-away).
 */
public final class DevKeys {

    private static volatile DevKeys current;

    private final KeyPair jwt;
    private final Path publicKeyPem;
    private final String piiEncryptionKey;
    private final String piiIndexKey;

    private DevKeys(KeyPair jwt, Path publicKeyPem, String piiEncryptionKey, String piiIndexKey) {
        this.jwt = jwt;
        this.publicKeyPem = publicKeyPem;
        this.piiEncryptionKey = piiEncryptionKey;
        this.piiIndexKey = piiIndexKey;
    }

    public static synchronized DevKeys forThisRun() {
        if (current == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path pem = Files.createTempFile("yiyang-dev-jwt", ".pem");
                pem.toFile().deleteOnExit();
                Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
                current = new DevKeys(pair, pem, randomKey(), randomKey());
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
                "mp.jwt.verify.publickey.location", publicKeyPem.toUri().toString(),
                "yiyang.pii.encryption-key", piiEncryptionKey,
                "yiyang.pii.index-key", piiIndexKey);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
