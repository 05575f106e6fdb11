package cn.yiyang.identity.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An in-process RSA key, for the local gateway and the tests only: given as a PKCS#8 key (base64)
 * by whoever starts the process, or made at first use. Never in code or in the repository, and a
 * Lambda never runs with it (the stack selects the KMS signer).
 */
public final class LocalSigningKeys implements SigningKeys {

    public static final int RSA_BITS = 2048;

    private final Local signer;

    public LocalSigningKeys(Optional<String> privateKeyPkcs8, Optional<String> keyId) {
        KeyPair pair = privateKeyPkcs8.filter(k -> !k.isBlank()).map(LocalSigningKeys::decode).orElseGet(LocalSigningKeys::generate);
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        this.signer = new Local(keyId.filter(k -> !k.isBlank()).orElseGet(() -> RsaJwk.thumbprint(publicKey)),
                publicKey, pair.getPrivate());
    }

    @Override
    public TokenSigner signer() {
        return signer;
    }

    @Override
    public List<TokenSigner> published() {
        return List.of(signer);
    }

    private static KeyPair decode(String pkcs8) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new KeyPair(publicKey, key);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            // Never echo the key material.
            throw new IllegalStateException("yiyang.identity.local.private-key is not an RSA PKCS#8 key");
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Local(String keyId, RSAPublicKey publicKey, PrivateKey privateKey) implements TokenSigner {
        @Override
        public byte[] sign(byte[] signingInput) {
            try {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(privateKey);
                signature.update(signingInput);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return "LocalSigner[" + keyId + "]";
        }
    }
}
