package cn.yiyang.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Holds an answer to the API document (issue 15): the route's operation must list the status; a
 * JSON answer must be valid against that status's schema (no field the document lacks, none it
 * requires missing, every type right); a problem must be problem+json with a code the route lists
 * for that status. Every door of the scenario tests calls it for every answer, so the document and
 * the code cannot drift apart. The document is the committed {@code functions/api-client/openapi.json};
 * requests to paths it does not describe (dev tokens, no route at all) are not checked.
 */
public final class ContractCheck {

    /** The committed document, relative to the repository's root. */
    public static final String DOCUMENT = "functions/api-client/openapi.json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ContractCheck shared;

    private final List<Operation> operations;
    private final ObjectNode definitions;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private record Operation(String method, List<String> segments, JsonNode node) {
        int params() {
            return (int) segments.stream().filter(s -> s.startsWith("{")).count();
        }
    }

    public ContractCheck(JsonNode document) {
        List<Operation> all = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                all.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), List.of(path.getKey().substring(1).split("/")),
                        op.getValue()))));
        all.sort(Comparator.comparingInt(Operation::params));
        this.operations = List.copyOf(all);
        this.definitions = (ObjectNode) retarget(document.path("components").path("schemas"));
    }

    /** The check against the committed document, loaded once per JVM. */
    public static ContractCheck committed() {
        ContractCheck check = shared;
        if (check == null) {
            synchronized (ContractCheck.class) {
                if (shared == null) {
                    shared = new ContractCheck(read(locate()));
                }
                check = shared;
            }
        }
        return check;
    }

    /**
     * Fails (AssertionError) when the answer is not what the document says the route answers. With
     * {@code -Dyiyang.contract.collect=<file>} (a survey after a large change) every violation is
     * appended to that file instead, so one run lists them all.
     */
    public static void verify(ApiRequest request, ApiAnswer answer) {
        committed().check(request, answer).ifPresent(violation -> {
            String collect = System.getProperty("yiyang.contract.collect");
            if (collect == null) {
                throw new AssertionError("answer breaks the API document (" + DOCUMENT + "): " + violation);
            }
            collect(Path.of(collect), violation);
        });
    }

    private static synchronized void collect(Path file, String violation) {
        try {
            Files.writeString(file, violation + "\n", java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the answer, if anything. */
    public Optional<String> check(ApiRequest request, ApiAnswer answer) {
        Optional<Operation> found = match(request.method(), request.path());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode op = found.get().node();
        String route = request.method() + " " + String.join("/", found.get().segments()) + " ("
                + op.path("operationId").asText() + ") answered " + answer.status();
        JsonNode response = responseFor(op.path("responses"), answer.status());
        if (response == null) {
            return Optional.of(route + ": a status the operation does not list");
        }
        if (answer.isProblem()) {
            return checkProblem(route, response, answer);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode()) {
            return Optional.empty();
        }
        if (content.has("application/json")) {
            return checkJson(route, content.get("application/json").get("schema"), answer.body());
        }
        String type = answer.header("content-type");
        String declared = content.fieldNames().next();
        return type != null && type.startsWith(declared) ? Optional.empty()
                : Optional.of(route + ": content type " + type + ", the document says " + declared);
    }

    private Optional<String> checkProblem(String route, JsonNode response, ApiAnswer answer) {
        if (!response.path("content").has(PROBLEM_JSON)) {
            return Optional.of(route + ": a problem where the document lists an answer");
        }
        Optional<String> shape = checkJson(route, response.path("content").path(PROBLEM_JSON).get("schema"), answer.body());
        if (shape.isPresent()) {
            return shape;
        }
        String code = answer.code();
        for (JsonNode listed : response.path("x-problem-codes")) {
            if (listed.asText().equals(code)) {
                return Optional.empty();
            }
        }
        return Optional.of(route + ": problem code " + code + " is not listed for this status");
    }

    private Optional<String> checkJson(String route, JsonNode schemaNode, String body) {
        JsonNode value;
        try {
            value = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return Optional.of(route + ": the body is not JSON");
        }
        if (value == null || value.isMissingNode()) {
            return Optional.of(route + ": no body where the document has a schema");
        }
        JsonSchema schema = schemas.computeIfAbsent(schemaNode.toString(), key -> compile(schemaNode));
        Set<ValidationMessage> messages = schema.validate(value);
        return messages.isEmpty() ? Optional.empty() : Optional.of(route + ": " + messages.stream()
                .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
    }

    private JsonSchema compile(JsonNode schemaNode) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", definitions);
        root.setAll((ObjectNode) retarget(schemaNode));
        return factory.getSchema(root);
    }

    /** The document's references point into components; a standalone schema keeps them under $defs. */
    private static JsonNode retarget(JsonNode node) {
        try {
            return JSON.readTree(node.toString().replace("#/components/schemas/", "#/$defs/"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode responseFor(JsonNode responses, int status) {
        JsonNode exact = responses.get(Integer.toString(status));
        if (exact != null) {
            return exact;
        }
        JsonNode range = responses.get(status / 100 + "XX");
        return range != null ? range : responses.get("default");
    }

    private Optional<Operation> match(String method, String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        String[] segments = path.substring(1).split("/", -1);
        return operations.stream().filter(op -> op.method().equals(method) && matches(op.segments(), segments)).findFirst();
    }

    private static boolean matches(List<String> template, String[] segments) {
        if (template.size() != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (!template.get(i).startsWith("{") && !template.get(i).equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(DOCUMENT))) {
                return dir.resolve(DOCUMENT);
            }
        }
        throw new IllegalStateException("no " + DOCUMENT + " above " + Path.of("").toAbsolutePath()
                + ": the API document is generated by the local gateway's OpenApiDocumentTest");
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
