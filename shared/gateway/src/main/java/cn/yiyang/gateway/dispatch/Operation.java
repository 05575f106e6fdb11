package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.Reply;

/**
 * The typed operation behind one route. It is invoked on a thread that may block (the Lambda
 * thread, or a worker of the local gateway), never on an event loop.
 */
@FunctionalInterface
public interface Operation {

    Reply invoke(Call call);
}
