package cn.yiyang.stores.metering;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One CloudWatch Logs subscription delivery, decoded: the log group and stream it comes from and its log
 * events (each with CloudWatch's unique id). A {@value #CONTROL_MESSAGE} only checks that the destination is
 * reachable and carries no lines to count.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record LogsBatch(String messageType, String owner, String logGroup, String logStream,
                        List<String> subscriptionFilters, List<LogEvent> logEvents) {

    public static final String DATA_MESSAGE = "DATA_MESSAGE";
    public static final String CONTROL_MESSAGE = "CONTROL_MESSAGE";
    /** CloudWatch sends at most 10,000 events per delivery; a larger batch is not one of its. */
    public static final int EVENTS_MAX = 10_000;
    /** The decoded JSON; CloudWatch's deliveries are far smaller (1 MB of log events at most). */
    public static final int DECODED_BYTES_MAX = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    public LogsBatch {
        subscriptionFilters = subscriptionFilters == null ? List.of() : List.copyOf(subscriptionFilters);
        logEvents = logEvents == null ? List.of() : List.copyOf(logEvents);
        if (logEvents.size() > EVENTS_MAX) {
            throw new IllegalArgumentException("more than " + EVENTS_MAX + " log events in one delivery");
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LogEvent(String id, long timestamp, String message) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isData() {
        return DATA_MESSAGE.equals(messageType);
    }

    /** As CloudWatch Logs sends it: the JSON, gzipped, base64 encoded. */
    public LogsSubscriptionEvent encode() {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LogsSubscriptionEvent(new LogsSubscriptionEvent.Awslogs(
                Base64.getEncoder().encodeToString(zipped.toByteArray())));
    }

    public static LogsBatch decode(LogsSubscriptionEvent event) {
        if (event == null || event.awslogs() == null || event.awslogs().data() == null) {
            throw new IllegalArgumentException("not a CloudWatch Logs subscription event");
        }
        byte[] zipped = Base64.getDecoder().decode(event.awslogs().data());
        try (InputStream json = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            byte[] decoded = json.readNBytes(DECODED_BYTES_MAX + 1);
            if (decoded.length > DECODED_BYTES_MAX) {
                throw new IllegalArgumentException("a delivery larger than " + DECODED_BYTES_MAX + " bytes");
            }
            return JSON.readValue(decoded, LogsBatch.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
