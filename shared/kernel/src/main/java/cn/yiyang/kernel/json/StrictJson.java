package cn.yiyang.kernel.json;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.problem.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of the request path. Reading is strict: unknown properties (no mass
 * assignment), duplicate keys, trailing tokens, NaN, type coercions ("1" for 1, 1.5 for 1),
 * deep nesting and huge numbers are all refused as 4xx. Error details name the field, never the
 * value: values may be ID numbers or phones.
 */
public final class StrictJson {

    public static final int BODY_BYTES_MAX = 64 * 1024;
    public static final int NESTING_DEPTH_MAX = 32;
    public static final int NUMBER_DIGITS_MAX = 20;
    public static final int STRING_CHARS_MAX = 16 * 1024;

    private static final ObjectMapper MAPPER = build();
    private static final ObjectMapper CANONICAL = MAPPER.copy()
            .configure(SerializationFeature.INDENT_OUTPUT, false)
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

    private StrictJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ApiException(CommonProblem.MALFORMED_JSON, "A JSON body is required");
        }
        return convert(readObject(body), type);
    }

    /**
     * A body as a JSON object, every limit checked (depth, number length, duplicate keys, NaN,
     * trailing tokens) everywhere in it; no body at all is the empty object.
     */
    public static ObjectNode readObject(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(CommonProblem.MALFORMED_JSON, "The body is not acceptable JSON: "
                    + e.getOriginalMessage().replaceAll("[\"'].*", "").trim());
        }
        if (tree == null || !tree.isObject()) {
            throw new ApiException(CommonProblem.MALFORMED_JSON, "The body must be a JSON object");
        }
        return (ObjectNode) tree;
    }

    /** A checked tree bound to its type, strictly: unknown fields, wrong types and coercions are 400s naming the field. */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.readerFor(type).readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid(path(e), "UNKNOWN_FIELD", "This field is not accepted here");
        } catch (InvalidFormatException e) {
            throw ApiException.invalid(path(e), "WRONG_TYPE", "Expected " + simpleName(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String path = path(e);
            if (path.isEmpty()) {
                throw new ApiException(CommonProblem.MALFORMED_JSON, "The body must be a JSON object");
            }
            throw ApiException.invalid(path, "WRONG_TYPE", "Expected " + simpleName(e.getTargetType()));
        } catch (StreamReadException e) {
            throw new ApiException(CommonProblem.MALFORMED_JSON, "The body is not acceptable JSON: " + e.getOriginalMessage()
                    .replaceAll("[\"'].*", "").trim());
        } catch (JsonMappingException e) {
            String path = path(e);
            throw path.isEmpty()
                    ? new ApiException(CommonProblem.MALFORMED_JSON, "The body could not be read")
                    : ApiException.invalid(path, "WRONG_TYPE", "This field could not be read");
        } catch (IOException e) {
            throw new ApiException(CommonProblem.MALFORMED_JSON, "The body could not be read");
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer could not be written as JSON: " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * The body with object keys sorted and insignificant white space removed, so two bodies that
     * mean the same give the same idempotency fingerprint. Not JSON at all → returned as is.
     */
    public static String canonical(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            return CANONICAL.writeValueAsString(tree);
        } catch (JsonProcessingException | RuntimeException e) {
            return body;
        }
    }

    /** A tree with object keys sorted and no insignificant white space: the idempotency fingerprint's input. */
    public static String canonical(JsonNode tree) {
        try {
            return CANONICAL.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree could not be written", e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of the listed codes";
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "text";
            case "LocalDate" -> "a date YYYY-MM-DD";
            case "OffsetDateTime", "Instant" -> "a time with offset";
            case "List", "Set" -> "a list";
            default -> "an object";
        };
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(NESTING_DEPTH_MAX)
                        .maxNumberLength(NUMBER_DIGITS_MAX)
                        .maxStringLength(STRING_CHARS_MAX)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual, LogicalType.Enum)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }
}
