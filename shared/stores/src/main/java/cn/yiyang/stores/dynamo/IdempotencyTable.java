package cn.yiyang.stores.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Idempotency records of the DynamoDB-backed functions: {@code pk = <county>#<caller>},
 * {@code sk = <function>#<key>}, the request fingerprint, the answer, and {@code expiresAt}
 * (epoch seconds) which DynamoDB's TTL deletes by.
 */
@ApplicationScoped
public class IdempotencyTable implements DynamoTable {

    public static final String EXPIRES_AT = "expiresAt";

    @Override
    public String logicalName() {
        return "idempotency";
    }

    @Override
    public Optional<String> ttlAttribute() {
        return Optional.of(EXPIRES_AT);
    }
}
