package cn.yiyang.stores.metering;

import cn.yiyang.kernel.metering.UsageLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A stand-in for CloudWatch Logs and its subscription filter, for the local gateway and the tests (on with
 * {@code yiyang.metering.local-delivery.enabled=true}; off on Lambda, where CloudWatch does this): it keeps
 * each usage line as a log event of its function's log group, batches them into real subscription events
 * (gzip, base64, event ids) and hands each to the aggregator through the same decoding as the metering
 * Lambda's. A batch is delivered once {@value #EVENTS_PER_DELIVERY_MAX} lines wait (on a thread of its own,
 * never the request's) and on {@link #flush}, which the usage report calls before it reads. A delivery that
 * fails is delivered again, the same event, as CloudWatch does.
 */
@ApplicationScoped
public class LocalLogsDelivery {

    public static final int EVENTS_PER_DELIVERY_MAX = 500;
    /** Past this many lines waiting, the writer delivers them itself: back pressure, not an unbounded buffer. */
    public static final int EVENTS_WAITING_MAX = 20_000;
    public static final int REDELIVERIES_MAX = 3;

    private static final Logger LOG = Logger.getLogger(LocalLogsDelivery.class);

    private final boolean enabled;
    private final UsageAggregator aggregator;
    /** One stream per process, as a Lambda execution environment has, so event ids never meet a past run's. */
    private final String logStream = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/[$LATEST]"
            + UUID.randomUUID().toString().replace("-", "");
    private final Object delivering = new Object();
    private final Map<String, List<LogsBatch.LogEvent>> waiting = new LinkedHashMap<>();
    private final List<LogsSubscriptionEvent> undelivered = new ArrayList<>();
    private int waitingCount;
    private long sequence;
    private ExecutorService background;

    @Inject
    public LocalLogsDelivery(@ConfigProperty(name = "yiyang.metering.local-delivery.enabled", defaultValue = "false")
                             boolean enabled, UsageAggregator aggregator) {
        this.enabled = enabled;
        this.aggregator = aggregator;
    }

    /** Off: a process whose usage lines only go to stdout (a Lambda, the harness's overhead section). */
    public static LocalLogsDelivery off() {
        return new LocalLogsDelivery(false, null);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Keeps one line, as CloudWatch Logs would from the function's stdout. */
    public void accept(UsageLine call, String line) {
        if (!enabled) {
            return;
        }
        int count;
        synchronized (this) {
            String id = String.format("%d%012d", call.at().toEpochMilli(), ++sequence);
            waiting.computeIfAbsent(call.function(), f -> new ArrayList<>())
                    .add(new LogsBatch.LogEvent(id, call.at().toEpochMilli(), line));
            count = ++waitingCount;
        }
        if (count >= EVENTS_WAITING_MAX) {
            flush();
        } else if (count % EVENTS_PER_DELIVERY_MAX == 0) {
            inBackground();
        }
    }

    /** Returns once every line kept before this call is counted; throws if a delivery still fails. */
    public void flush() {
        if (!enabled) {
            return;
        }
        synchronized (delivering) {
            List<LogsSubscriptionEvent> events = new ArrayList<>(undelivered);
            undelivered.clear();
            events.addAll(drain());
            RuntimeException failure = null;
            for (LogsSubscriptionEvent event : events) {
                if (failure == null) {
                    failure = deliver(event);
                }
                if (failure != null) {
                    undelivered.add(event);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private List<LogsSubscriptionEvent> drain() {
        List<LogsSubscriptionEvent> events = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, List<LogsBatch.LogEvent>> group : waiting.entrySet()) {
                List<LogsBatch.LogEvent> lines = group.getValue();
                for (int from = 0; from < lines.size(); from += EVENTS_PER_DELIVERY_MAX) {
                    events.add(new LogsBatch(LogsBatch.DATA_MESSAGE, "000000000000", "/aws/lambda/yiyang-" + group.getKey(),
                            logStream, List.of("usage"),
                            lines.subList(from, Math.min(lines.size(), from + EVENTS_PER_DELIVERY_MAX))).encode());
                }
            }
            waiting.clear();
            waitingCount = 0;
        }
        return events;
    }

    /** Null when delivered; the failure of the last attempt otherwise. */
    private RuntimeException deliver(LogsSubscriptionEvent event) {
        RuntimeException failure = null;
        for (int attempt = 0; attempt <= REDELIVERIES_MAX; attempt++) {
            try {
                aggregator.deliver(event);
                return null;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        LOG.warnf("usage delivery failed, kept for the next flush: %s", failure.getClass().getSimpleName());
        return failure;
    }

    private void inBackground() {
        synchronized (this) {
            if (background == null) {
                background = Executors.newSingleThreadExecutor(work -> {
                    Thread thread = new Thread(work, "logs-stand-in");
                    thread.setDaemon(true);
                    return thread;
                });
            }
        }
        background.execute(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                // Kept: the next flush delivers it again.
            }
        });
    }
}
