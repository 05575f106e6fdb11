package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.route.Job;

/** A declared job and the handler that runs it, once per county, as the scheduler. */
public record JobBinding(Job job, Handler<NoInput> handler) {

    public static JobBinding of(Job job, Handler<NoInput> handler) {
        return new JobBinding(job, handler);
    }
}
