package cn.yiyang.metering;

import cn.yiyang.stores.metering.LogsSubscriptionEvent;
import cn.yiyang.stores.metering.UsageAggregator;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The metering Lambda: invoked by the CloudWatch Logs subscription filter on each function's log group with
 * a batch of usage lines, it adds them to the usage counters, exactly once per delivery. A failure fails the
 * invocation, and Lambda delivers the same event again.
 */
public class MeteringLambda {

    private static final Logger LOG = Logger.getLogger(MeteringLambda.class);

    @Inject
    UsageAggregator aggregator;

    @Funq("metering")
    public UsageAggregator.Delivered aggregate(LogsSubscriptionEvent event) {
        UsageAggregator.Delivered delivered = aggregator.deliver(event);
        LOG.infof("delivery %s: %d usage lines, %d rejected, %d parts (%d counted before)", delivered.deliveryId(),
                delivered.usageLines(), delivered.rejectedLines(), delivered.parts(), delivered.partsAlreadyCounted());
        return delivered;
    }
}
