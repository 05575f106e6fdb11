package cn.yiyang.stores.dynamo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import software.amazon.awssdk.core.exception.SdkClientException;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Physical table names, and (locally and in tests only) creation of the tables that are missing. Also the
 * lazy DynamoDB client's checkpoint hook: SnapStart's snapshot gets the client built, so no restored
 * process pays for its build.
 */
@ApplicationScoped
public class DynamoTables implements Resource {

    private final String prefix;
    private final boolean createAtStart;
    private final Instance<DynamoTable> tables;
    private final DynamoDbClient client;

    public DynamoTables(@ConfigProperty(name = "yiyang.dynamo.table-prefix", defaultValue = "yiyang-") String prefix,
                        @ConfigProperty(name = "yiyang.dynamo.create-tables", defaultValue = "false") boolean createAtStart,
                        Instance<DynamoTable> tables, DynamoDbClient client) {
        this.prefix = prefix;
        this.createAtStart = createAtStart;
        this.tables = tables;
        this.client = client;
    }

    public static final int CREATE_ATTEMPTS_MAX = 6;
    public static final long CREATE_BACKOFF_MILLIS = 500;

    public String physicalName(DynamoTable table) {
        return prefix + table.logicalName();
    }

    /** Registered with the global CRaC context: this bean is held by CDI for the life of the process. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        Core.getGlobalContext().register(this);
        if (createAtStart) {
            tables.forEach(this::createPatiently);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        client.serviceName();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // The URL connection client opens its connections per call: nothing to renew.
    }

    /**
     * Only local runs and tests create tables, often on a loaded machine where DynamoDB Local
     * answers past the call timeout: a timed-out creation is tried again (it may have happened).
     */
    private void createPatiently(DynamoTable table) {
        for (int attempt = 1; ; attempt++) {
            try {
                createIfMissing(table);
                return;
            } catch (SdkClientException e) {
                if (attempt >= CREATE_ATTEMPTS_MAX) {
                    throw e;
                }
                try {
                    Thread.sleep(CREATE_BACKOFF_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    public static final int TABLE_CREATION_SECONDS_MAX = 60;

    private void createIfMissing(DynamoTable table) {
        String name = physicalName(table);
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(stringAttribute("pk"), stringAttribute("sk")));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (String index : table.indexes()) {
            attributes.add(stringAttribute(index + "pk"));
            attributes.add(stringAttribute(index + "sk"));
            indexes.add(GlobalSecondaryIndex.builder().indexName(index)
                    .keySchema(key(index + "pk", KeyType.HASH), key(index + "sk", KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        try {
            client.createTable(b -> {
                // Only local runs and tests create tables: DynamoDB Local on a loaded machine may take
                // longer than a request's timeout to make a table with its indexes.
                b.overrideConfiguration(o -> o.apiCallTimeout(java.time.Duration.ofSeconds(TABLE_CREATION_SECONDS_MAX)))
                        .tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributes)
                        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
            });
        } catch (ResourceInUseException alreadyThere) {
            // Made by another process, or by an earlier attempt whose answer timed out: finish its set-up.
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(name));
        table.ttlAttribute().ifPresent(attribute -> {
            var ttl = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            if (ttl == null || ttl.attributeName() == null) {
                client.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
            }
        });
    }
}
