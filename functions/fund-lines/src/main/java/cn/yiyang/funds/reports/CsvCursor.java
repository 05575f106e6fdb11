package cn.yiyang.funds.reports;

import cn.yiyang.kernel.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a page of the transfers export starts: just after the transfer with this creation time and id.
 * Sent to the client as an opaque base64url text; PostgreSQL keeps microseconds, and so does the cursor.
 */
record CsvCursor(OffsetDateTime createdAt, UUID id) {

    public static final int ENCODED_CHARS_MAX = 96;
    private static final UUID SMALLEST = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
    private static final Pattern DECODED = Pattern.compile("-?\\d{1,19}:[0-9a-f-]{36}");

    static CsvCursor after(OffsetDateTime createdAt, UUID id) {
        return new CsvCursor(createdAt, id);
    }

    /** Before every transfer made at or after {@code from}. */
    static CsvCursor before(OffsetDateTime from) {
        return new CsvCursor(from.minus(1, ChronoUnit.MICROS), SMALLEST);
    }

    String encoded() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt.toInstant());
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static CsvCursor parse(String encoded) {
        try {
            if (encoded.length() <= ENCODED_CHARS_MAX) {
                String decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
                if (DECODED.matcher(decoded).matches()) {
                    String[] parts = decoded.split(":");
                    OffsetDateTime at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
                    return new CsvCursor(at, UUID.fromString(parts[1]));
                }
            }
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            // answered below
        }
        throw ApiException.invalid("cursor", "BAD_CURSOR", "The cursor of an earlier page's x-next-cursor header");
    }
}
