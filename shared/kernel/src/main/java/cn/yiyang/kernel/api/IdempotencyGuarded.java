package cn.yiyang.kernel.api;

/**
 * Marks an operation that honours {@link IdempotencyKey}s inside its own store transaction, so
 * the record of the key commits atomically with the business write.
 */
public interface IdempotencyGuarded {
}
