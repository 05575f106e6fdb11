package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.kernel.text.Text;
import cn.yiyang.kernel.json.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request record of one route, and how a request becomes it: path parameters fill the fields
 * named like them, query parameters and body fields fill the others, each from one place only;
 * every text anywhere in it passes the {@link FreeText} rule; then strict JSON binds the tree. The
 * same checked tree is what the Idempotency-Key's fingerprint is taken of, so the body is read once.
 */
final class RequestShape {

    private final Class<?> type;
    private final Set<String> pathParams;
    private final Map<String, Field> fields;
    private final boolean bodyRequired;

    private RequestShape(Class<?> type, Set<String> pathParams, Map<String, Field> fields, boolean bodyRequired) {
        this.type = type;
        this.pathParams = pathParams;
        this.fields = fields;
        this.bodyRequired = bodyRequired;
    }

    /** A request record and the tree it was bound from (text normalised), for the fingerprint. */
    record Bound(Object request, JsonNode tree) {
    }

    static RequestShape of(Route route, Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(route.key() + ": the request type " + type.getName() + " is not a record");
        }
        Map<String, Field> fields = fieldsOf(type);
        Set<String> pathParams = new java.util.LinkedHashSet<>();
        for (String segment : route.segments()) {
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                if (!fields.containsKey(name)) {
                    throw new IllegalStateException(route.key() + ": " + type.getSimpleName() + " has no field " + name);
                }
                pathParams.add(name);
            }
        }
        // A POST, PUT or PATCH whose record has fields beyond the path's reads a body: an empty one is malformed.
        boolean bodyRequired = !route.method().equals("GET") && !route.method().equals("DELETE")
                && !pathParams.containsAll(fields.keySet());
        return new RequestShape(type, Set.copyOf(pathParams), fields, bodyRequired);
    }

    Class<?> type() {
        return type;
    }

    Bound bind(Map<String, String> path, Map<String, String> query, String body) {
        if (bodyRequired && (body == null || body.isBlank())) {
            throw new ApiException(CommonProblem.MALFORMED_JSON, "A JSON body is required");
        }
        ObjectNode tree = StrictJson.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        for (String name : pathParams) {
            if (tree.has(name)) {
                errors.add(new FieldError(name, "UNKNOWN_FIELD", "This field is given by the path, not the body"));
            }
        }
        for (Map.Entry<String, String> param : query.entrySet()) {
            String name = param.getKey();
            if (param.getValue() == null || param.getValue().isEmpty()) {
                continue;
            }
            if (!fields.containsKey(name) || pathParams.contains(name)) {
                errors.add(new FieldError(name, "UNKNOWN_FIELD", "This query parameter is not accepted here"));
            } else if (tree.has(name)) {
                errors.add(new FieldError(name, "GIVEN_TWICE", "Give this field in the query or the body, not both"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        for (String name : pathParams) {
            tree.set(name, scalar(name, path.get(name), fields.get(name).raw()));
        }
        query.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                tree.set(name, scalar(name, value, fields.get(name).raw()));
            }
        });
        checkText(tree, fields, "", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (type == NoInput.class) {
            if (!tree.isEmpty()) {
                throw ApiException.invalid(tree.fieldNames().next(), "UNKNOWN_FIELD", "This route takes no input");
            }
            return new Bound(NoInput.INSTANCE, tree);
        }
        Object request = StrictJson.convert(tree, type);
        return new Bound(request, tree);
    }

    /** A path or query value as the JSON its field expects: numbers and booleans parsed, the rest text. */
    private static JsonNode scalar(String name, String value, Class<?> raw) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            if (!value.matches("-?[0-9]{1," + StrictJson.NUMBER_DIGITS_MAX + "}")) {
                throw ApiException.invalid(name, "WRONG_TYPE", "Expected a whole number");
            }
            return nodes.numberNode(new java.math.BigInteger(value));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (!value.equals("true") && !value.equals("false")) {
                throw ApiException.invalid(name, "WRONG_TYPE", "Expected true or false");
            }
            return nodes.booleanNode(Boolean.parseBoolean(value));
        }
        return nodes.textNode(value);
    }

    /** Applies the free-text rule to every text in the tree, in place; violations are collected by field path. */
    private static void checkText(ObjectNode node, Map<String, Field> fields, String prefix, List<FieldError> errors) {
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            Field field = fields == null ? null : fields.get(entry.getKey());
            String at = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode checked = checkValue(value, field, at, errors);
            if (checked != value) {
                replaced.add(Map.entry(entry.getKey(), checked));
            }
        }
        replaced.forEach(e -> node.set(e.getKey(), e.getValue()));
    }

    private static JsonNode checkValue(JsonNode value, Field field, String at, List<FieldError> errors) {
        if (value.isTextual()) {
            boolean text = field != null && field.elementRaw() == String.class;
            Text settings = field == null ? null : field.text();
            FreeText.Checked checked = FreeText.check(value.textValue(),
                    settings == null ? FreeText.CHARS_MAX_DEFAULT : settings.maxChars(),
                    !text || (settings != null && settings.verbatim()));
            if (!checked.ok()) {
                errors.add(new FieldError(at, checked.violation().name(), describe(checked.violation())));
                return value;
            }
            return checked.text().equals(value.textValue()) ? value : JsonNodeFactory.instance.textNode(checked.text());
        }
        if (value.isObject()) {
            checkText((ObjectNode) value, field == null ? null : field.nested(), at + ".", errors);
        } else if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                JsonNode checked = checkValue(element, field, at + "[" + i + "]", errors);
                if (checked != element) {
                    array.set(i, checked);
                }
            }
        }
        return value;
    }

    private static String describe(FreeText.Violation violation) {
        return switch (violation) {
            case CONTROL_CHARACTER -> "The text contains a control character";
            case UNPAIRED_SURROGATE -> "The text contains a broken character (an unpaired surrogate)";
            case BIDI_CONTROL -> "The text contains a bidirectional control character";
            case NONCHARACTER -> "The text contains a Unicode noncharacter";
            case TOO_LONG -> "The text is too long";
        };
    }

    /**
     * One field of a record: its raw type, the element type of a list or set, its text settings,
     * and for a nested record (or a list of them) that record's fields.
     */
    private record Field(Class<?> raw, Class<?> elementRaw, Text text, Map<String, Field> nested) {
    }

    private static Map<String, Field> fieldsOf(Class<?> type) {
        Map<String, Field> fields = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> raw = component.getType();
            Class<?> element = elementOf(component.getGenericType(), raw);
            Map<String, Field> nested = element.isRecord() && element != type ? fieldsOf(element) : null;
            fields.put(component.getName(), new Field(raw, element, component.getAnnotation(Text.class), nested));
        }
        return Map.copyOf(fields);
    }

    private static Class<?> elementOf(Type generic, Class<?> raw) {
        if (java.util.Collection.class.isAssignableFrom(raw) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return raw;
    }
}
