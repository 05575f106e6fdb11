package cn.yiyang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The tests' stores, with the function's PostgreSQL connections made through a wire counter (one per test JVM). */
public class WireCountedStoresTestResource extends StoresTestResource {

    public static final String COUNTER = "function-under-test";
    private static final String URL = "quarkus.datasource.reactive.url";

    private PgWireCounter counter;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        try {
            counter = PgWireCounter.shared(COUNTER, config.get(URL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put(URL, counter.url(config.get(URL)));
        return config;
    }

    /** After the stores resource the module's other tests declare (it applies to every test): this URL is the one used. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void stop() {
        try {
            counter.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        super.stop();
    }
}
