package cn.yiyang.funds.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one way an audited fact is written down: JSON with keys sorted, no spaces, times as UTC
 * instants, so the same fact always has the same bytes and the same hash.
 */
public final class Canonical {

    public static final String GENESIS_HASH = "0".repeat(64);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Canonical() {
    }

    public static String json(Map<String, ?> fact) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(fact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String time(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }

    /** {@code SHA-256(previous hash ‖ entry)}, where the entry lists every column of the row but the hashes. */
    public static String chainHash(String previousHash, String county, long seq, OffsetDateTime at, String actor,
                                   String action, String subjectType, String subjectId, String payload) {
        String entry = String.join("\n", county, Long.toString(seq), time(at), actor, action, subjectType, subjectId,
                payload);
        return sha256(previousHash + "\n" + entry);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
