package cn.yiyang.localgateway.openapi;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.kernel.problem.ProblemCode;
import cn.yiyang.kernel.problem.UserMessages;
import cn.yiyang.kernel.route.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One operation of the document: a bound route, its parameters, body, answers and problems. */
final class Operations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Operations() {
    }

    static ObjectNode of(Binding binding, ApiSchemas schemas, ObjectNode problem) {
        Route route = binding.route();
        ObjectNode operation = NODES.objectNode();
        operation.put("operationId", route.operation());
        operation.put("summary", Summaries.of(route));
        operation.putArray("tags").add(route.function());
        ArrayNode security = operation.putArray("security");
        if (!route.open()) {
            security.addObject().putArray("bearer");
        }
        operation.set("x-roles", OpenApiDocument.roles(route));
        operation.put("x-idempotent", route.idempotent());
        ArrayNode parameters = parameters(binding);
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        Optional<JsonNode> example = DemoExamples.of(route.operation());
        if (takesBody(binding)) {
            ObjectNode body = operation.putObject("requestBody");
            body.put("required", true);
            ObjectNode json = body.putObject("content").putObject("application/json");
            json.set("schema", schemas.request(binding.requestType()));
            example.map(e -> e.get("request")).ifPresent(request -> json.set("examples", DemoExamples.examples(request)));
        }
        ObjectNode responses = responses(binding, schemas, problem);
        example.ifPresent(e -> {
            JsonNode answer = responses.path(e.path("status").asText()).path("content").path("application/json");
            if (answer.isObject()) {
                ((ObjectNode) answer).set("examples", DemoExamples.examples(e.get("answer")));
            }
        });
        operation.set("responses", responses);
        return operation;
    }

    /** A POST, PUT or PATCH whose record has fields beyond the path's reads them from a JSON body. */
    static boolean takesBody(Binding binding) {
        String method = binding.route().method();
        return !method.equals("GET") && !method.equals("DELETE") && !OpenApiDocument.nonPathFields(binding).isEmpty();
    }

    private static ArrayNode parameters(Binding binding) {
        ArrayNode parameters = NODES.arrayNode();
        Route route = binding.route();
        Map<String, Class<?>> types = new LinkedHashMap<>();
        if (binding.requestType() != null) {
            for (RecordComponent c : binding.requestType().getRecordComponents()) {
                types.put(c.getName(), c.getType());
            }
        }
        for (String name : OpenApiDocument.pathParams(route)) {
            parameters.add(parameter(name, "path", types.getOrDefault(name, String.class), true));
        }
        if (!takesBody(binding)) {
            for (RecordComponent c : OpenApiDocument.nonPathFields(binding)) {
                parameters.add(parameter(c.getName(), "query", c.getType(), false));
            }
        }
        if (route.idempotent()) {
            parameters.addObject().put("$ref", "#/components/parameters/IdempotencyKey");
        }
        return parameters;
    }

    private static ObjectNode parameter(String name, String in, Class<?> type, boolean required) {
        ObjectNode parameter = NODES.objectNode();
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", required);
        ObjectNode schema = parameter.putObject("schema");
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            schema.put("type", "integer");
        } else if (type == boolean.class || type == Boolean.class) {
            schema.put("type", "boolean");
        } else {
            schema.put("type", "string");
            if (type.isEnum()) {
                ArrayNode values = schema.putArray("enum");
                for (Object constant : type.getEnumConstants()) {
                    values.add(((Enum<?>) constant).name());
                }
            }
        }
        return parameter;
    }

    private static ObjectNode responses(Binding binding, ApiSchemas schemas, ObjectNode problem) {
        ObjectNode responses = NODES.objectNode();
        if (binding.answers().isEmpty()) {
            responses.putObject("2XX").put("description", "应答（此路由仍绑定原始调用，尚未声明类型） / not yet typed");
        }
        binding.answers().forEach((status, answer) -> {
            ObjectNode response = responses.putObject(Integer.toString(status));
            response.put("description", status == 201 ? "已创建 / created" : "成功 / ok");
            ObjectNode content = response.putObject("content").putObject(answer.mediaType());
            if (answer.json()) {
                content.set("schema", schemas.answer(answer.type()));
            } else {
                content.putObject("schema").put("type", "string");
            }
        });
        Map<Integer, List<ProblemCode>> byStatus = new java.util.TreeMap<>();
        binding.problems().forEach(c -> byStatus.computeIfAbsent(c.httpStatus(), s -> new java.util.ArrayList<>()).add(c));
        byStatus.forEach((status, codes) -> responses.set(Integer.toString(status), problems(codes, problem)));
        return responses;
    }

    private static ObjectNode problems(List<ProblemCode> codes, ObjectNode problem) {
        ObjectNode response = NODES.objectNode();
        response.put("description", String.join(", ", codes.stream().map(ProblemCode::name).toList()));
        ObjectNode content = response.putObject("content").putObject(OpenApiDocument.PROBLEM_JSON);
        content.set("schema", problem);
        ObjectNode examples = content.putObject("examples");
        ArrayNode listed = response.putArray("x-problem-codes");
        for (ProblemCode code : codes) {
            examples.putObject(code.name()).put("$ref", "#/components/examples/" + code.name());
            listed.add(code.name());
        }
        return response;
    }

    /** One problem code's example answer, with its plain-Chinese message: listed once, referenced by each route. */
    static ObjectNode example(ProblemCode code) {
        ObjectNode example = NODES.objectNode();
        example.put("summary", code.httpStatus() + " " + code.name() + ": " + UserMessages.of(code));
        ObjectNode value = example.putObject("value");
        value.put("type", "urn:yiyang:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        value.put("title", code.name());
        value.put("status", code.httpStatus());
        value.put("code", code.name());
        value.put("detail", "(English, for the developer)");
        value.put("userMessage", UserMessages.of(code));
        return example;
    }
}
