package cn.yiyang.kernel.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain-Chinese messages for problem codes, fit to show an elderly person, read from the resource
 * each code's enum names ({@link ProblemCode#messages()}), once per resource.
 */
public final class UserMessages {

    private static final String FALLBACK = "请求未能完成，请稍后再试或联系工作人员。";
    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

    private UserMessages() {
    }

    public static String of(ProblemCode code) {
        return bundle(code.messages()).getProperty(code.name(), FALLBACK);
    }

    public static boolean has(ProblemCode code) {
        return bundle(code.messages()).containsKey(code.name());
    }

    private static Properties bundle(String resource) {
        return BUNDLES.computeIfAbsent(resource, UserMessages::load);
    }

    private static Properties load(String resource) {
        Properties messages = new Properties();
        try (InputStream in = UserMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}
