package cn.yiyang.funds.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs and checks audit checkpoints with Ed25519, the JDK's own (no library, no network call, and
 * GraalVM native images carry it). The key pair grows from a secret seed
 * ({@code yiyang.audit.checkpoint-seed}, in AWS from the audit key secret): an Ed25519 private key
 * is 32 random bytes, so the seed's SHA-256 is fed to the JDK's generator as its only randomness,
 * which gives the same key pair in every instance of the function. KMS Sign (as identity signs its
 * tokens) would keep the key out of the function, at a network call and a second SDK per
 * checkpoint checked; the checkpoint's promise is only that this function wrote it.
 * Without a seed nothing is signed and no checkpoint is trusted: every verification walks from the
 * first entry.
 */
@ApplicationScoped
public class CheckpointSigner {

    private static final String ALGORITHM = "Ed25519";
    private static final int KEY_ID_HEX_CHARS = 16;

    private final KeyPair keys;
    private final String keyId;

    public CheckpointSigner(@ConfigProperty(name = "yiyang.audit.checkpoint-seed") Optional<String> seed) {
        this.keys = seed.filter(s -> !s.isBlank()).map(CheckpointSigner::keyPair).orElse(null);
        this.keyId = keys == null ? null
                : Canonical.sha256(Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())).substring(0, KEY_ID_HEX_CHARS);
    }

    public boolean hasKey() {
        return keys != null;
    }

    /** Which key signed: the start of the public key's SHA-256. */
    public String keyId() {
        return keyId;
    }

    /** The public key, X.509 in base64, for anyone who checks a checkpoint outside the function. */
    public String publicKey() {
        return keys == null ? null : Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String sign(String county, long seq, String hash, OffsetDateTime at) {
        if (keys == null) {
            throw new IllegalStateException("no audit checkpoint key configured");
        }
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(message(county, seq, hash, at));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether this function's key signed exactly this checkpoint. */
    public boolean verifies(String county, long seq, String hash, OffsetDateTime at, String signedBy, String signature) {
        if (keys == null || !keyId.equals(signedBy)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys.getPublic());
            verifier.update(message(county, seq, hash, at));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** What is signed: every column of the checkpoint but the signature, one per line. */
    static byte[] message(String county, long seq, String hash, OffsetDateTime at) {
        return String.join("\n", "yiyang-audit-checkpoint-v1", county, Long.toString(seq), hash, Canonical.time(at))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair keyPair(String seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(java.util.HexFormat.of().parseHex(Canonical.sha256(seed))));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** The seed as the generator's randomness: Ed25519 draws exactly its 32-byte private key from it. */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] into) {
            if (into.length != bytes.length) {
                throw new IllegalStateException("Ed25519 asked for " + into.length + " bytes, the seed has " + bytes.length);
            }
            System.arraycopy(bytes, 0, into, 0, bytes.length);
        }
    }
}
