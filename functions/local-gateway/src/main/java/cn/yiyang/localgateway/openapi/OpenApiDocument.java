package cn.yiyang.localgateway.openapi;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.problem.ProblemResponses;
import cn.yiyang.kernel.api.IdempotencyKey;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API's OpenAPI 3.1 document, generated from what the dispatcher serves: every bound route
 * (jobs are never on the API) with its method, path, operation, roles ({@code x-roles}), bearer
 * security unless open, the {@code Idempotency-Key} header where required, the request record as
 * path and query parameters or a JSON body, the answers its binding declares, and every problem code
 * its binding declares it may answer (and the request path's own for its kind of route) with its status and
 * plain-Chinese {@code userMessage}. Nothing in it is written by
 * hand but the summaries and the introduction, so it cannot drift from the code.
 */
public final class OpenApiDocument {

    /** Additive changes only within v1 (new routes, new optional fields); anything breaking is a new path version. */
    public static final String VERSION = "1.0.0";
    static final String PROBLEM_JSON = ProblemResponses.CONTENT_TYPE;
    /** A local time of day, HH:mm or HH:mm:ss (Asia/Shanghai). */
    static final String LOCAL_TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiDocument() {
    }

    public static ObjectNode of(List<Binding> bindings) {
        List<Binding> sorted = new ArrayList<>(bindings);
        sorted.sort(Comparator.comparing((Binding b) -> b.route().path()).thenComparing(b -> b.route().method()));
        ApiSchemas schemas = new ApiSchemas(pathFields(sorted));
        requireUniqueOperationIds(sorted);
        ObjectNode problem = schemas.answer(ProblemResponses.Problem.class);
        ObjectNode paths = NODES.objectNode();
        Map<String, ObjectNode> examples = new TreeMap<>();
        for (Binding binding : sorted) {
            binding.problems().forEach(code -> examples.put(code.name(), Operations.example(code)));
            Route route = binding.route();
            ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            item.set(route.method().toLowerCase(), Operations.of(binding, schemas, problem));
        }
        ObjectNode document = NODES.objectNode();
        document.put("openapi", "3.1.0");
        document.set("info", Introduction.info());
        document.set("servers", Introduction.servers());
        document.set("tags", Introduction.tags(sorted.stream().map(b -> b.route().function()).distinct().toList()));
        document.set("paths", paths);
        ObjectNode components = document.putObject("components");
        components.set("securitySchemes", securitySchemes());
        components.set("parameters", parameters());
        examples.forEach(components.putObject("examples")::set);
        components.set("schemas", sortedByName(schemas.components()));
        localTimes(document);
        return document;
    }

    /**
     * A time of day is local county time without an offset ({@code "09:30:00"}), not what JSON Schema's
     * {@code format: time} (RFC 3339, with an offset) says: such a schema gets a pattern instead.
     */
    private static void localTimes(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ("time".equals(object.path("format").asText()) && "string".equals(object.path("type").asText())) {
                object.remove("format");
                object.put("pattern", LOCAL_TIME_PATTERN);
            }
            object.elements().forEachRemaining(OpenApiDocument::localTimes);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(OpenApiDocument::localTimes);
        }
    }

    /**
     * An operation's name is its operationId, which clients generate method names from: two routes
     * with one name would make the typed client ambiguous, so the document is not made at all.
     */
    static void requireUniqueOperationIds(List<Binding> bindings) {
        Map<String, List<String>> routesByOperation = new TreeMap<>();
        bindings.forEach(b -> routesByOperation.computeIfAbsent(b.route().operation(), o -> new ArrayList<>())
                .add(b.route().key()));
        routesByOperation.values().removeIf(routes -> routes.size() == 1);
        if (!routesByOperation.isEmpty()) {
            throw new IllegalStateException("operation names must be unique across functions: " + routesByOperation);
        }
    }

    /** The document as the build writes it and the gateway serves it: indented, keys in a stable order. */
    public static String json(ObjectNode document) {
        try {
            return StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per request record, the fields some route of it takes from the path. */
    private static Map<Class<?>, Set<String>> pathFields(List<Binding> bindings) {
        Map<Class<?>, Set<String>> fields = new HashMap<>();
        for (Binding binding : bindings) {
            if (binding.requestType() != null) {
                fields.computeIfAbsent(binding.requestType(), t -> new HashSet<>()).addAll(pathParams(binding.route()));
            }
        }
        return fields;
    }

    static List<String> pathParams(Route route) {
        return route.segments().stream().filter(s -> s.startsWith("{")).map(s -> s.substring(1, s.length() - 1)).toList();
    }

    /** The request record's fields that are neither path parameters nor absent ({@link NoInput}). */
    static List<RecordComponent> nonPathFields(Binding binding) {
        Class<?> type = binding.requestType();
        if (type == null || type == NoInput.class) {
            return List.of();
        }
        List<String> path = pathParams(binding.route());
        return List.of(type.getRecordComponents()).stream().filter(c -> !path.contains(c.getName())).toList();
    }

    static ArrayNode roles(Route route) {
        ArrayNode roles = NODES.arrayNode();
        route.roles().stream().sorted().map(Role::claim).forEach(roles::add);
        return roles;
    }

    private static ObjectNode securitySchemes() {
        ObjectNode schemes = NODES.objectNode();
        ObjectNode bearer = schemes.putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put("description", "由 identity 签发的访问令牌（RS256，至多 15 分钟）。每个操作的 x-roles 列出可调用它的角色"
                + " (the token's groups claim must hold one of the operation's x-roles).");
        return schemes;
    }

    private static ObjectNode parameters() {
        ObjectNode parameters = NODES.objectNode();
        ObjectNode key = parameters.putObject("IdempotencyKey");
        key.put("name", "Idempotency-Key");
        key.put("in", "header");
        key.put("required", true);
        key.put("description", "同一个键、同样的请求体，返回第一次的应答；不同的请求体返回 422；第一次仍在处理时返回 409。"
                + " Kept at least " + IdempotencyKey.TTL_HOURS + " h.");
        ObjectNode schema = key.putObject("schema");
        schema.put("type", "string");
        schema.put("pattern", "^[A-Za-z0-9_.:-]{8," + IdempotencyKey.KEY_CHARS_MAX + "}$");
        key.put("example", "order-20261201-0001");
        return parameters;
    }

    private static ObjectNode sortedByName(ObjectNode schemas) {
        ObjectNode sorted = NODES.objectNode();
        new TreeMap<>(toMap(schemas)).forEach(sorted::set);
        return sorted;
    }

    private static Map<String, com.fasterxml.jackson.databind.JsonNode> toMap(ObjectNode node) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
