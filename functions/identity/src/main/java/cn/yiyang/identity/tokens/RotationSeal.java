package cn.yiyang.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the answer of a rotation under a key derived from the refresh token that was spent, so that
 * a double tap within the grace window gets the very same pair back, while the database holds
 * nothing a reader could use: only the holder of the spent token can open it.
 */
final class RotationSeal {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] PURPOSE = "yiyang refresh rotation v1".getBytes(StandardCharsets.US_ASCII);

    private RotationSeal() {
    }

    static byte[] seal(String spentToken, String answer, SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(spentToken), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(answer.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String open(String spentToken, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(spentToken), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a rotation seal did not open", e);
        }
    }

    private static SecretKeySpec key(String spentToken) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(spentToken.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal(PURPOSE), "AES");
    }
}
