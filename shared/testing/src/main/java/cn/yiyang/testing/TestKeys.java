package cn.yiyang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signing keys made for this test JVM only: the API trusts the RSA and EC keys through a JWKS
 * file; the "attacker" keys are valid keys it does not trust. Nothing is read from the repository.
 */
public final class TestKeys {

    public static final String RSA_KID = "test-rsa";
    public static final String EC_KID = "test-ec";
    /** The key the identity function signs with in tests (its local signer), trusted like the others. */
    public static final String IDENTITY_KID = "test-identity";

    public static final KeyPair RSA = shared("rsa", () -> generate("RSA", 2048));
    public static final KeyPair EC = shared("ec", TestKeys::generateEc);
    public static final KeyPair ATTACKER_RSA = shared("attacker-rsa", () -> generate("RSA", 2048));
    public static final KeyPair IDENTITY = shared("identity-rsa", () -> generate("RSA", 2048));

    private static Path jwksFile;

    private TestKeys() {
    }

    /** A JWKS file holding the trusted public keys, written once per JVM. */
    public static synchronized Path jwksFile() {
        String kept = System.getProperty("yiyang.test.jwks-file");
        if (kept != null) {
            return Path.of(kept);
        }
        if (jwksFile == null) {
            try {
                jwksFile = Files.createTempFile("yiyang-test-jwks", ".json");
                jwksFile.toFile().deleteOnExit();
                Files.writeString(jwksFile, jwks());
                System.setProperty("yiyang.test.jwks-file", jwksFile.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwksFile;
    }

    public static String jwks() {
        RSAPublicKey rsa = (RSAPublicKey) RSA.getPublic();
        ECPublicKey ec = (ECPublicKey) EC.getPublic();
        return "{\"keys\":[" + rsaJwk(rsa, RSA_KID) + "," + rsaJwk((RSAPublicKey) IDENTITY.getPublic(), IDENTITY_KID) + ","
                + "{\"kty\":\"EC\",\"kid\":\"" + EC_KID + "\",\"use\":\"sig\",\"alg\":\"ES256\",\"crv\":\"P-256\","
                + "\"x\":\"" + b64(fixed(ec.getW().getAffineX(), 32)) + "\",\"y\":\"" + b64(fixed(ec.getW().getAffineY(), 32))
                + "\"}]}";
    }

    /** A public JWK of the given RSA key, e.g. to embed an attacker's key in a token header. */
    public static String rsaJwk(RSAPublicKey key, String kid) {
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64(unsigned(key.getModulus())) + "\",\"e\":\"" + b64(unsigned(key.getPublicExponent())) + "\"}";
    }

    /**
     * Quarkus loads test classes in more than one class loader; the keys must be the same in all,
     * so the first generation is kept in a JVM-wide system property.
     */
    private static KeyPair shared(String name, java.util.function.Supplier<KeyPair> generator) {
        String property = "yiyang.test.key." + name;
        synchronized (System.class) {
            String kept = System.getProperty(property);
            if (kept != null) {
                return decode(kept);
            }
            KeyPair pair = generator.get();
            System.setProperty(property, encode(pair));
            return pair;
        }
    }

    private static String encode(KeyPair pair) {
        return pair.getPublic().getAlgorithm() + "|"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "|"
                + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    private static KeyPair decode(String kept) {
        String[] parts = kept.split("\\|");
        try {
            java.security.KeyFactory factory = java.security.KeyFactory.getInstance(parts[0]);
            return new KeyPair(
                    factory.generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(parts[1]))),
                    factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[2]))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = unsigned(value);
        byte[] out = new byte[length];
        System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
        return out;
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generateEc() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
