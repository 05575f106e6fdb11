package cn.yiyang.stores.metering;

import cn.yiyang.kernel.metering.UsageLine;
import cn.yiyang.kernel.metering.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;

/**
 * Meters a call by writing its usage line to stdout: on Lambda, stdout goes to CloudWatch Logs with no round
 * trip, and a subscription filter hands the lines to the metering function, which counts them
 * ({@link UsageAggregator}). Where the stand-in is on (the local gateway, tests), the line also goes to it.
 */
@ApplicationScoped
public class UsageLogMeter implements UsageMeter {

    private final PrintStream out;
    private final LocalLogsDelivery delivery;

    @Inject
    public UsageLogMeter(LocalLogsDelivery delivery) {
        this(null, delivery);
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
