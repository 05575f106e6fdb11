package cn.yiyang.kernel.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Plain-Chinese messages for problem codes, fit to show an elderly person. Every module that
 * defines codes adds its own {@code messages/problems-<module>.properties} and lists it in
 * {@link #BUNDLES}; resources are named, never scanned, so native images find them.
 */
public final class UserMessages {

    private static final String[] BUNDLES = {
            "messages/problems-common.properties",
            "messages/problems-residents.properties",
            "messages/problems-meals.properties",
            "messages/problems-bookings.properties",
            "messages/problems-time-bank.properties",
            "messages/problems-funds.properties",
            "messages/problems-identity.properties",
    };
    private static final String FALLBACK = "请求未能完成，请稍后再试或联系工作人员。";
    private static final Properties MESSAGES = load();

    private UserMessages() {
    }

    public static String of(ProblemCode code) {
        return MESSAGES.getProperty(code.name(), FALLBACK);
    }

    public static boolean has(ProblemCode code) {
        return MESSAGES.containsKey(code.name());
    }

    private static Properties load() {
        Properties all = new Properties();
        ClassLoader loader = UserMessages.class.getClassLoader();
        for (String bundle : BUNDLES) {
            try (InputStream in = loader.getResourceAsStream(bundle)) {
                if (in != null) {
                    all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }
}
