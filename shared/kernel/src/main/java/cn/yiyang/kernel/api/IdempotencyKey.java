package cn.yiyang.kernel.api;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A client's Idempotency-Key, scoped to the county and caller that sent it, with the
 * fingerprint of the request it was first used for (method, path and canonical body).
 */
public record IdempotencyKey(String county, String caller, String key, String fingerprint) {

    public static final int KEY_CHARS_MAX = 64;
    /** Records live at least this long; a replay within it returns the first answer. */
    public static final int TTL_HOURS = 48;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8," + KEY_CHARS_MAX + "}");

    public static IdempotencyKey of(String county, String caller, String key, String method, String path,
                                    String canonicalBody) {
        requireValid(key);
        return new IdempotencyKey(county, caller, key, sha256(method + ' ' + path + '\n' + canonicalBody));
    }

    /** The header's own checks, before anything else of the request is read: present, and of the allowed form. */
    public static void requireValid(String key) {
        if (key == null || key.isBlank()) {
            throw new ApiException(CommonProblem.IDEMPOTENCY_KEY_REQUIRED,
                    "This request creates or moves something and needs an Idempotency-Key header");
        }
        if (!KEY.matcher(key).matches()) {
            throw new ApiException(CommonProblem.IDEMPOTENCY_KEY_INVALID,
                    "An Idempotency-Key is 8 to " + KEY_CHARS_MAX + " characters of A-Z a-z 0-9 _ . : -");
        }
    }

    /** A 64-bit number for a PostgreSQL advisory lock on this key. */
    public long lockId() {
        byte[] digest = sha256Bytes(county + '\u0000' + caller + '\u0000' + key);
        long id = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            id = (id << 8) | (digest[i] & 0xff);
        }
        return id;
    }

    public ApiException reusedWithDifferentRequest() {
        return new ApiException(CommonProblem.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was first used with a different request");
    }

    public ApiException stillInProgress() {
        return new ApiException(CommonProblem.IDEMPOTENCY_IN_PROGRESS,
                "The first request with this Idempotency-Key is still being processed");
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Bytes(text));
    }

    private static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
