package cn.yiyang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two classes of defect, proven gone on every route the application serves, generated from its
 * bindings (so a new route is covered by being declared): text a store cannot hold (NUL, and a
 * lone surrogate) in every text field — path, query and body, nested records and lists — is a 400
 * naming that field; and a garbage or unexpected body on every route that reads none is a 400.
 * Both are refused before any handler runs, so nothing is written.
 */
public abstract class EveryRouteScenarios {

    /** Non-ASCII escaped, so a lone surrogate reaches the server as the JSON escape a client would send. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
    private static final String COUNTY = "330105";

    protected abstract Door door();

    /** One text field of a route's request: where it goes, and its name in a field error. */
    record TextField(String errorPath, Where where, List<String> segments) {
    }

    enum Where { PATH, QUERY, BODY }

    @Test
    void controlCharactersAndLoneSurrogates_inEveryTextFieldOfEveryRoute_are400NamingTheField() {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Binding binding : bindings()) {
            for (TextField field : textFields(binding)) {
                // A lone surrogate exists only inside JSON (as an escape): UTF-8 in a URL cannot carry one.
                List<String> bads = field.where() == Where.BODY ? List.of("a\u0000b", "a\ud800b") : List.of("a\u0000b");
                for (String bad : bads) {
                    tried++;
                    ApiAnswer answer = door().send(requestWith(binding.route(), field, bad));
                    String expected = bad.indexOf('\u0000') >= 0 ? "CONTROL_CHARACTER" : "UNPAIRED_SURROGATE";
                    if (answer.status() != 400 || !names(answer, field.errorPath(), expected)) {
                        failures.add(binding.route().key() + " " + field.errorPath() + " " + expected + " -> " + answer);
                    }
                }
            }
        }
        assertThat(failures).as("of %d requests", tried).isEmpty();
        assertThat(tried).isPositive();
    }

    @Test
    void garbageAndUnexpectedBodies_onEveryRouteThatReadsNoBody_are400() {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Binding binding : bindings()) {
            if (!readsNoBody(binding)) {
                continue;
            }
            for (String body : List.of("{not json", "[1,2]", "{\"unexpectedField\":1}")) {
                tried++;
                ApiAnswer answer = door().send(base(binding.route(), "x").header("content-type", "application/json")
                        .withBody(body));
                String expected = body.contains("unexpectedField") ? "VALIDATION_FAILED" : "MALFORMED_JSON";
                if (answer.status() != 400 || !expected.equals(answer.code())) {
                    failures.add(binding.route().key() + " " + body + " -> " + answer);
                }
            }
        }
        assertThat(failures).as("of %d requests", tried).isEmpty();
        assertThat(tried).isPositive();
    }

    private static List<Binding> bindings() {
        return Arc.container().instance(ApiDispatcher.class).get().bindings();
    }

    private static boolean readsNoBody(Binding binding) {
        Set<String> path = pathParams(binding.route());
        return binding.route().method().equals("GET") || Set.of(binding.requestType().getRecordComponents()).stream()
                .allMatch(c -> path.contains(c.getName()));
    }

    private static boolean names(ApiAnswer answer, String field, String code) {
        for (JsonNode error : answer.json().path("errors")) {
            if (field.equals(error.path("field").asText()) && code.equals(error.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    private static ApiRequest base(Route route, String pathValue) {
        String path = route.path();
        for (String name : pathParams(route)) {
            path = path.replace("{" + name + "}", pathValue);
        }
        ApiRequest request = new ApiRequest(route.method(), path, new java.util.LinkedHashMap<>(),
                new java.util.LinkedHashMap<>(), null);
        if (!route.open()) {
            Role role = route.roles().iterator().next();
            request.header("authorization", "Bearer " + Tokens.of(COUNTY, role.claim() + "-every-route", role));
        }
        if (route.idempotent()) {
            request.idempotencyKey("every-route-" + UUID.randomUUID());
        }
        return request;
    }

    private static ApiRequest requestWith(Route route, TextField field, String bad) {
        if (field.where() == Where.PATH) {
            String encoded = java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8);
            String path = route.path();
            for (String name : pathParams(route)) {
                path = path.replace("{" + name + "}", name.equals(field.errorPath()) ? encoded : "x");
            }
            ApiRequest request = emptyBodyWhereOneIsRead(base(route, "x"));
            return new ApiRequest(request.method(), path, request.query(), request.headers(), request.body());
        }
        ApiRequest request = base(route, "x");
        if (field.where() == Where.QUERY) {
            return emptyBodyWhereOneIsRead(request).query(field.segments().get(0), bad);
        }
        return request.header("content-type", "application/json").withBody(bodyWith(field.segments(), bad));
    }

    private static ApiRequest emptyBodyWhereOneIsRead(ApiRequest request) {
        boolean readsBody = !request.method().equals("GET") && !request.method().equals("DELETE");
        return readsBody ? request.header("content-type", "application/json").withBody("{}") : request;
    }

    /** {@code ["address","line"]} → {@code {"address":{"line":bad}}}; {@code "[0]"} steps into a one-element list. */
    private static String bodyWith(List<String> segments, String bad) {
        ObjectNode root = JSON.createObjectNode();
        JsonNode node = root;
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            boolean nextIsList = !last && segments.get(i + 1).equals("[0]");
            String segment = segments.get(i);
            if (segment.equals("[0]")) {
                continue;
            }
            ObjectNode object = (ObjectNode) node;
            if (last) {
                object.put(segment, bad);
            } else if (nextIsList) {
                ArrayNode list = object.putArray(segment);
                if (i + 1 == segments.size() - 1) {
                    list.add(bad);
                    break;
                }
                node = list.addObject();
            } else {
                node = object.putObject(segment);
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<TextField> textFields(Binding binding) {
        Route route = binding.route();
        Set<String> path = pathParams(route);
        boolean query = route.method().equals("GET") || route.method().equals("DELETE");
        List<TextField> fields = new ArrayList<>();
        for (RecordComponent c : binding.requestType().getRecordComponents()) {
            Where where = path.contains(c.getName()) ? Where.PATH : query ? Where.QUERY : Where.BODY;
            if (where == Where.BODY) {
                walk(c, c.getName(), new ArrayList<>(List.of(c.getName())), fields, 0);
            } else if (c.getType() == String.class) {
                fields.add(new TextField(c.getName(), where, List.of(c.getName())));
            }
        }
        return fields;
    }

    private static void walk(RecordComponent c, String errorPath, List<String> segments, List<TextField> out, int depth) {
        Class<?> type = c.getType();
        Class<?> element = type;
        String at = errorPath;
        List<String> steps = new ArrayList<>(segments);
        if (Collection.class.isAssignableFrom(type) && c.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            element = e;
            at = errorPath + "[0]";
            steps.add("[0]");
        }
        if (element == String.class) {
            out.add(new TextField(at, Where.BODY, steps));
        } else if (element.isRecord() && depth < 4) {
            for (RecordComponent inner : element.getRecordComponents()) {
                List<String> next = new ArrayList<>(steps);
                next.add(inner.getName());
                walk(inner, at + "." + inner.getName(), next, out, depth + 1);
            }
        }
    }

    private static Set<String> pathParams(Route route) {
        return route.segments().stream().filter(s -> s.startsWith("{"))
                .map(s -> s.substring(1, s.length() - 1)).collect(Collectors.toSet());
    }
}
