package cn.yiyang.stores.dynamo;

import java.util.List;
import java.util.Optional;

/**
 * A table a function owns, as the local run and the tests create it (the CDK stack creates it in
 * AWS). Keys are strings: partition key {@code pk}, sort key {@code sk}.
 */
public interface DynamoTable {

    /** The logical name; the physical one is prefixed per deployment. */
    String logicalName();

    /** The attribute DynamoDB's TTL deletes items by, if any. */
    default Optional<String> ttlAttribute() {
        return Optional.empty();
    }

    /**
     * Global secondary indexes, by name; index {@code n} is keyed by string attributes
     * {@code <n>pk} and {@code <n>sk} and projects all attributes.
     */
    default List<String> indexes() {
        return List.of();
    }
}
