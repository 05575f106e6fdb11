package cn.yiyang.localgateway.openapi;

import cn.yiyang.kernel.json.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Request and answer examples per operation, from the demo county: real requests made against a local
 * gateway that seeded it, and the answers it gave ({@code openapi/examples.json}, written by the
 * local gateway's DemoExamplesTest with {@code -Dyiyang.openapi.update=true}). By operationId:
 * {@code {"request": {...} or absent, "status": 201, "answer": {...}}}.
 */
final class DemoExamples {

    static final String RESOURCE = "openapi/examples.json";
    static final String SUMMARY = "演示县 330105 的真实应答 / a real answer from the demo county";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode EXAMPLES = load();

    private DemoExamples() {
    }

    /** The demo's example of {@code operationId}, if it has one. */
    static Optional<JsonNode> of(String operationId) {
        return Optional.ofNullable(EXAMPLES.get(operationId));
    }

    /** An OpenAPI {@code examples} map with the one demo example {@code value}. */
    static ObjectNode examples(JsonNode value) {
        ObjectNode examples = NODES.objectNode();
        ObjectNode demo = examples.putObject("demo");
        demo.put("summary", SUMMARY);
        demo.set("value", value);
        return examples;
    }

    private static JsonNode load() {
        try (InputStream in = DemoExamples.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? NODES.objectNode() : StrictJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
