package cn.yiyang.identity.keys;

import java.security.interfaces.RSAPublicKey;

/**
 * One RS256 signing key: its public half (published in the JWKS under {@link #keyId()}) and a way
 * to sign with its private half, which may never leave KMS. RS256 (RSASSA-PKCS1-v1_5 with SHA-256)
 * is deterministic: the same signing input always gives the same signature, which lets a replayed
 * refresh answer carry the very same access token.
 */
public interface TokenSigner {

    String keyId();

    RSAPublicKey publicKey();

    /** The RS256 signature of a JWS signing input ({@code header.payload}, ASCII). */
    byte[] sign(byte[] signingInput);
}
