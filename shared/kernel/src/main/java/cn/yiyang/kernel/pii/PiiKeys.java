package cn.yiyang.kernel.pii;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two keys that protect personal data at rest: one encrypts (AES-256-GCM), the other makes
 * the keyed-hash look-up index (HMAC-SHA-256). Separate keys so the index cannot decrypt, and
 * the cipher key can be rotated by re-encrypting without rebuilding the index.
 */
public record PiiKeys(SecretKey encryptionKey, SecretKey indexKey) {

    public static final int KEY_BYTES = 32;

    public static PiiKeys fromBase64(String encryptionKeyBase64, String indexKeyBase64) {
        return new PiiKeys(aes(decode(encryptionKeyBase64, "encryption")), hmac(decode(indexKeyBase64, "index")));
    }

    private static byte[] decode(String base64, String which) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PII " + which + " key is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the PII " + which + " key must be " + KEY_BYTES + " bytes");
        }
        return key;
    }

    private static SecretKey aes(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }

    private static SecretKey hmac(byte[] key) {
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
