package cn.yiyang.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;

/** What came back through a door: status, headers (lower-case names) and the body as sent. */
public record ApiAnswer(int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("answer is not JSON: " + body, e);
        }
    }

    /** The problem code of a problem+json answer. */
    public String code() {
        return json().path("code").asText();
    }

    public boolean isProblem() {
        String type = header("content-type");
        return type != null && type.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
