package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.route.Job;

/** A declared job and the operation that runs it, once per county. */
public record JobBinding(Job job, Operation operation) {
}
