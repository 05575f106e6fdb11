package cn.yiyang.localgateway.openapi;

import cn.yiyang.kernel.route.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The Chinese summary of each operation, from {@code openapi/summaries.properties} (by operation name, unique in the API). */
final class Summaries {

    static final String RESOURCE = "openapi/summaries.properties";
    private static final Properties SUMMARIES = load();

    private Summaries() {
    }

    /** The route's summary, or null if it has none (a test fails on that). */
    static String of(Route route) {
        return SUMMARIES.getProperty(route.operation());
    }

    private static Properties load() {
        Properties summaries = new Properties();
        try (InputStream in = Summaries.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                summaries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summaries;
    }
}
