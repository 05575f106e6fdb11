package cn.yiyang.stores.dynamo;

import cn.yiyang.kernel.problem.ApiException;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One item of a DynamoDB transaction and what it means when its condition fails: the problem it
 * stands for (a seat sold out, a balance too low), a race to resolve by computing the write again
 * from fresh reads, or a condition that cannot fail unless an invariant is broken.
 */
public record ConditionalWrite(TransactWriteItem write, IfConditionFails ifConditionFails) {

    public ConditionalWrite {
        Objects.requireNonNull(write);
        Objects.requireNonNull(ifConditionFails);
    }

    /** A failed condition is this refusal, answered as it is. */
    public static ConditionalWrite refusing(TransactWriteItem write, ApiException refusal) {
        Objects.requireNonNull(refusal);
        return new ConditionalWrite(write, new IfConditionFails.Refuse(() -> refusal));
    }

    /**
     * A failed condition is a refusal that only a look at the store can name (an account absent, or
     * its balance too low): the look costs a round trip on the refusal's path alone, where the
     * request that succeeds read nothing first.
     */
    public static ConditionalWrite refusingAfterLooking(TransactWriteItem write, Supplier<ApiException> look) {
        return new ConditionalWrite(write, new IfConditionFails.Refuse(Objects.requireNonNull(look)));
    }

    /** A failed condition means another request changed what this write was computed from: compute it again. */
    public static ConditionalWrite recomputing(TransactWriteItem write) {
        return new ConditionalWrite(write, IfConditionFails.Recompute.INSTANCE);
    }

    /** No condition, or one that holds by construction: its failure is a defect, never an answer. */
    public static ConditionalWrite unconditional(TransactWriteItem write) {
        return new ConditionalWrite(write, IfConditionFails.CannotFail.INSTANCE);
    }

    /** What a failed condition on an item means. */
    public sealed interface IfConditionFails {

        record Refuse(Supplier<ApiException> refusal) implements IfConditionFails {
        }

        enum Recompute implements IfConditionFails { INSTANCE }

        enum CannotFail implements IfConditionFails { INSTANCE }
    }
}
