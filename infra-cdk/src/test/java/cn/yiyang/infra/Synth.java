package cn.yiyang.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesises the stack once per context and keeps the template for every test (each synth costs
 * seconds of jsii). Code is always the placeholder: tests never depend on a built function.zip.
 */
final class Synth {

    /** Default context: native runtime, one county, default prefix. */
    static final Map<String, Object> NATIVE = Map.of(
            "code", "placeholder",
            "jwtIssuer", "https://id.yiyang.test/realms/yiyang",
            "jwtAudience", "yiyang-api");

    /** JVM runtime, two counties with their area codes, another prefix. */
    static final Map<String, Object> JVM = Map.of(
            "code", "placeholder",
            "runtime", "jvm",
            "counties", "330105,330106",
            "areaCodes", "330106=0571,330105=0571",
            "tablePrefix", "yiyang-test-",
            "jwtIssuer", "https://id.yiyang.test/realms/yiyang",
            "jwtAudience", "yiyang-api");

    private static final Map<Map<String, Object>, Synthesised> CACHE = new ConcurrentHashMap<>();

    record Synthesised(Template template, Map<String, Object> json, YiyangStack stack) {

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> resources() {
            return (Map<String, Map<String, Object>>) json.get("Resources");
        }

        Map<String, Map<String, Object>> ofType(String type) {
            Map<String, Map<String, Object>> found = new LinkedHashMap<>();
            resources().forEach((id, resource) -> {
                if (type.equals(resource.get("Type"))) {
                    found.put(id, resource);
                }
            });
            return found;
        }

        /** The logical id of the one resource of {@code type} whose property {@code key} equals {@code value}. */
        String idOf(String type, String key, Object value) {
            List<String> ids = ofType(type).entrySet().stream()
                    .filter(e -> value.equals(props(e.getValue()).get(key)))
                    .map(Map.Entry::getKey).toList();
            if (ids.size() != 1) {
                throw new AssertionError("expected one " + type + " with " + key + "=" + value + ", found " + ids);
            }
            return ids.get(0);
        }
    }

    static Synthesised of(Map<String, Object> context) {
        return CACHE.computeIfAbsent(context, Synth::synth);
    }

    private static Synthesised synth(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        YiyangStack stack = new YiyangStack(app, "YiyangTest", StackProps.builder().build());
        Template template = Template.fromStack(stack);
        return new Synthesised(template, template.toJSON(), stack);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    /** Every logical id an expression refers to (Ref, Fn::GetAtt), at any depth. */
    static Set<String> references(Object expression) {
        Set<String> ids = new LinkedHashSet<>();
        collect(expression, ids);
        return ids;
    }

    private static void collect(Object node, Set<String> ids) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Ref".equals(key) && value instanceof String id && !id.startsWith("AWS::")) {
                    ids.add(id);
                } else if ("Fn::GetAtt".equals(key) && value instanceof List<?> att) {
                    ids.add(att.get(0).toString());
                } else {
                    collect(value, ids);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, ids));
        }
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }

    private Synth() {
    }
}
