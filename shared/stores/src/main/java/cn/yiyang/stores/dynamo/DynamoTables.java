package cn.yiyang.stores.dynamo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Physical table names, and (locally and in tests only) creation of the tables that are missing. */
@ApplicationScoped
public class DynamoTables {

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

    public String physicalName(DynamoTable table) {
        return prefix + table.logicalName();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (createAtStart) {
            tables.forEach(this::createIfMissing);
        }
    }

    private void createIfMissing(DynamoTable table) {
        String name = physicalName(table);
        try {
            client.createTable(b -> b.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(name));
        table.ttlAttribute().ifPresent(attribute -> client.updateTimeToLive(b -> b.tableName(name)
                .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
    }
}
