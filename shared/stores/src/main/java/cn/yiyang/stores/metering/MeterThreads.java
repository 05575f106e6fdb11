package cn.yiyang.stores.metering;

import cn.yiyang.kernel.metering.CountsInFlight;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One set of meter threads per process: the request path hands counts to it, the usage read awaits it. */
@ApplicationScoped
public class MeterThreads {

    @Produces
    @Singleton
    CountsInFlight countsInFlight() {
        return new CountsInFlight();
    }
}
