package cn.yiyang.stores.metering;

import cn.yiyang.kernel.metering.UsageLine;
import cn.yiyang.kernel.metering.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.io.PrintStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Meters a call by writing its usage line to stdout: on Lambda, stdout goes to CloudWatch Logs with no round
 * trip, and a subscription filter hands the lines to the metering function, which counts them
 * ({@link UsageAggregator}). Where the stand-in is on (the local gateway, tests), the line also goes to it.
 */
@ApplicationScoped
public class UsageLogMeter implements UsageMeter {

    private final PrintStream out;
    private final LocalLogsDelivery delivery;

    /**
     * {@code yiyang.metering.stdout.enabled=false} (the local gateway): the line goes only to the stand-in, which counts
     * it; a developer's terminal is not a log group, and a line per call would bury the server's own log.
     */
    @Inject
    public UsageLogMeter(LocalLogsDelivery delivery,
                         @ConfigProperty(name = "yiyang.metering.stdout.enabled", defaultValue = "true") boolean toStdout) {
        this(toStdout ? null : new PrintStream(OutputStream.nullOutputStream()), delivery);
        if (!toStdout && !delivery.enabled()) {
            throw new IllegalStateException("usage lines would go nowhere: yiyang.metering.stdout.enabled=false needs "
                    + "yiyang.metering.local-delivery.enabled=true");
        }
    }

    /** Lines to {@code out} (null: this process's stdout at the time of each call) and the stand-in, if on. */
    public UsageLogMeter(PrintStream out, LocalLogsDelivery delivery) {
        this.out = out;
        this.delivery = delivery;
    }

    @Override
    public void count(UsageLine call) {
        String line = call.emf();
        (out == null ? System.out : out).println(line);
        delivery.accept(call, line);
    }
}
