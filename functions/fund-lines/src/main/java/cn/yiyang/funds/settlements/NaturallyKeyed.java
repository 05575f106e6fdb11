package cn.yiyang.funds.settlements;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.gateway.dispatch.Operation;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.api.IdempotencyGuarded;

/**
 * A settlement run takes an Idempotency-Key like every POST that moves money, but its idempotency is
 * the settlement keys themselves, each recorded in the transaction of its own transfer (as a
 * transfer's client key is its own record): the same run again, with this key or any other, pays
 * nothing more and answers each item ALREADY_SETTLED with its transfer.
 */
record NaturallyKeyed(Operation run) implements Operation, IdempotencyGuarded {

    @Override
    public Reply invoke(Call call) {
        return run.invoke(call);
    }
}
