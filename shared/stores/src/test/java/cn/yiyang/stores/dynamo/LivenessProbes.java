package cn.yiyang.stores.dynamo;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the JDK's liveness probes of kept HTTP connections ({@code sun.net.www.http.HttpClient.available()}), by the
 * line the JDK logs at FINEST for each: the probe made visible without timing it.
 */
final class LivenessProbes implements AutoCloseable {

    private static final Logger JDK_HTTP = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");
    private static final String PROBE_LINE = "HttpClient.available()";

    private final AtomicInteger count = new AtomicInteger();
    private final Level level = JDK_HTTP.getLevel();
    private final boolean useParentHandlers = JDK_HTTP.getUseParentHandlers();
    private final Handler counter = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().startsWith(PROBE_LINE)) {
                count.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LivenessProbes() {
        JDK_HTTP.setLevel(Level.FINEST);
        // the JDK's request lines (signed headers) stay out of the test's output
        JDK_HTTP.setUseParentHandlers(false);
        JDK_HTTP.addHandler(counter);
    }

    static LivenessProbes watch() {
        return new LivenessProbes();
    }

    int count() {
        return count.get();
    }

    @Override
    public void close() {
        JDK_HTTP.removeHandler(counter);
        JDK_HTTP.setUseParentHandlers(useParentHandlers);
        JDK_HTTP.setLevel(level);
    }
}
