package cn.yiyang.funds.settlements;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import java.util.function.BiFunction;

/**
 * A settlement run takes an Idempotency-Key like every POST that moves money, but its idempotency is
 * the settlement keys themselves, each recorded in the transaction of its own transfer (as a
 * transfer's client key is its own record): the same run again, with this key or any other, pays
 * nothing more and answers each item ALREADY_SETTLED with its transfer. So the run is served as it
 * is, with no idempotency record of its own.
 */
public record NaturallyKeyed<R>(Handler<R> run) implements Handler<R>, IdempotencyGuarded {

    public static <R> NaturallyKeyed<R> of(BiFunction<Caller, R, Reply> run) {
        return new NaturallyKeyed<>(Handler.direct(run));
    }

    @Override
    public Reply handle(Invocation<R> invocation) {
        return run.handle(invocation);
    }
}
