package cn.yiyang.kernel.metering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One metered call as one log line: a CloudWatch embedded-metric-format object (namespace {@value #NAMESPACE},
 * dimensions county and function, metric {@code calls}, so CloudWatch graphs it for free) that also carries what
 * the bill needs: county, function, route template, county day and the call's id. Nothing personal: no path,
 * query, subject or body. {@code kind} marks the line for the log subscription's filter pattern.
 */
public record UsageLine(String county, String function, String route, LocalDate day, String callId, Instant at) {

    public static final String NAMESPACE = "Yiyang/Usage";
    public static final String KIND = "yiyang.usage.v1";
    /** The subscription filter pattern that selects usage lines (and only them) from a function's log group. */
    public static final String FILTER_PATTERN = "{ $.kind = \"" + KIND + "\" }";
    public static final int CALL_ID_CHARS_MAX = 128;
    public static final int LINE_CHARS_MAX = 2_048;

    private static final Pattern COUNTY = Pattern.compile("[1-9][0-9]{5}");
    private static final Pattern FUNCTION = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern ROUTE = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) /[^\"\\\\#\\s]{0,200}");
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9=+/._:-]{1," + CALL_ID_CHARS_MAX + "}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a usage line was read as: not one (another log line), one, or one that does not hold together. */
    public sealed interface Read {
    }

    public record NotUsage() implements Read {
    }

    public record Valid(UsageLine line) implements Read {
    }

    public record Rejected(String reason) implements Read {
    }

    public UsageLine {
        if (!COUNTY.matcher(county).matches() || !FUNCTION.matcher(function).matches()
                || !ROUTE.matcher(route).matches() || !CALL_ID.matcher(callId).matches()) {
            throw new IllegalArgumentException("not a usage line's county, function, route or call id");
        }
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Whether {@code id} can name a call on a usage line (API Gateway's request ids and UUIDs can). */
    public static boolean isCallId(String id) {
        return id != null && CALL_ID.matcher(id).matches();
    }

    /** The line as written to stdout: one JSON object, no line break in it. */
    public String emf() {
        return "{\"_aws\":{\"Timestamp\":" + at.toEpochMilli()
                + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[\"county\",\"function\"]],\"Metrics\":[{\"Name\":\"calls\",\"Unit\":\"Count\"}]}]}"
                + ",\"kind\":\"" + KIND + "\",\"county\":\"" + county + "\",\"function\":\"" + function
                + "\",\"route\":\"" + route + "\",\"day\":\"" + day + "\",\"callId\":\"" + callId + "\",\"calls\":1}";
    }

    /** Reads one log message; a usage line that does not hold together is {@link Rejected}, never thrown. */
    public static Read read(String message) {
        String text = message == null ? "" : message.strip();
        if (!text.startsWith("{") || !text.contains(KIND)) {
            return new NotUsage();
        }
        if (text.length() > LINE_CHARS_MAX) {
            return new Rejected("too long");
        }
        try {
            JsonNode line = JSON.readTree(text);
            if (!KIND.equals(line.path("kind").asText())) {
                return new NotUsage();
            }
            if (line.path("calls").asInt() != 1) {
                return new Rejected("calls is not 1");
            }
            return new Valid(new UsageLine(line.path("county").asText(), line.path("function").asText(),
                    line.path("route").asText(), LocalDate.parse(line.path("day").asText()),
                    line.path("callId").asText(),
                    Instant.ofEpochMilli(line.path("_aws").path("Timestamp").asLong())));
        } catch (IllegalArgumentException | DateTimeParseException | java.io.IOException e) {
            return new Rejected(e.getClass().getSimpleName());
        }
    }
}
