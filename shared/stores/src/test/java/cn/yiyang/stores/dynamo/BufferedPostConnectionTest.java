package cn.yiyang.stores.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.embedded.EmbeddedDynamoServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The functions' DynamoDB HTTP client ({@link DynamoClients#httpClient}): DynamoDB's calls work through it against
 * DynamoDB Local; on the wire, its calls keep one connection alive and each arrives with its own length and body,
 * without the liveness probe the JDK runs before each streamed POST on a kept connection (the SDK's default client
 * shows the probe in the same test, so the count can fail).
 */
class BufferedPostConnectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "orders";

    @Test
    void putGetAndATransactionWithAFailingCondition_workAgainstDynamoDbLocal() {
        try (EmbeddedDynamoServer server = EmbeddedDynamoServer.start();
             DynamoDbClient client = client(DynamoClients.httpClient(), server.endpoint())) {
            client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            Map<String, AttributeValue> seat = Map.of("pk", s("seat"), "placed", AttributeValue.fromN("1"));

            client.putItem(b -> b.tableName(TABLE).item(seat));
            assertThat(client.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("seat"))).consistentRead(true)).item())
                    .isEqualTo(seat);

            assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(Map.of("pk", s("order")))
                            .updateExpression("SET placedBy = :r").expressionAttributeValues(Map.of(":r", s("r1")))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(seat)
                            .conditionExpression("attribute_not_exists(pk)")).build())))
                    .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                            .extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed"));
            assertThat(client.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("order"))).consistentRead(true)).item())
                    .as("nothing of the cancelled transaction written").isEmpty();
        }
    }

    @Test
    void twoCallsInARow_goOverOneKeptConnection_eachWithItsLengthAndBody_andNoProbe() throws Exception {
        try (FakeDynamo fake = FakeDynamo.overHttp();
             DynamoDbClient client = client(DynamoClients.httpClient(), fake.endpoint());
             LivenessProbes probes = LivenessProbes.watch()) {

            assertThat(getItem(client, "call-1")).isEqualTo(FakeDynamo.ITEM);
            assertThat(getItem(client, "call-2")).isEqualTo(FakeDynamo.ITEM);

            assertTwoGetItemsOnOneConnection(fake.requests());
            assertThat(probes.count()).as("liveness probes of the kept connection").isZero();
        }
    }

    @Test
    void theSdksDefaultClient_probesTheKeptConnectionBeforeEachWarmCall() throws Exception {
        try (FakeDynamo fake = FakeDynamo.overHttp();
             DynamoDbClient client = client(UrlConnectionHttpClient.create(), fake.endpoint());
             LivenessProbes probes = LivenessProbes.watch()) {

            for (int call = 1; call <= 3; call++) {
                assertThat(getItem(client, "call-" + call)).isEqualTo(FakeDynamo.ITEM);
            }

            assertThat(fake.requests()).extracting(FakeDynamo.Request::client).as("one kept connection").hasSize(3)
                    .containsOnly(fake.requests().get(0).client());
            assertThat(probes.count()).as("one probe before each call on the kept connection").isEqualTo(2);
        }
    }

    @Test
    void overHttps_twoCallsGoOverOneKeptConnection_withoutTheProbe(@TempDir Path dir) throws Exception {
        SSLSocketFactory jdkDefault = HttpsURLConnection.getDefaultSSLSocketFactory();
        try (FakeDynamo fake = FakeDynamo.overHttps(dir);
             DynamoDbClient client = client(DynamoClients.httpClient(), fake.endpoint());
             LivenessProbes probes = LivenessProbes.watch()) {
            // the factory's connections use the JDK's default TLS, as in AWS: here it trusts the test's own certificate
            HttpsURLConnection.setDefaultSSLSocketFactory(fake.trustingSocketFactory());

            assertThat(getItem(client, "call-1")).isEqualTo(FakeDynamo.ITEM);
            assertThat(getItem(client, "call-2")).isEqualTo(FakeDynamo.ITEM);

            assertTwoGetItemsOnOneConnection(fake.requests());
            assertThat(probes.count()).as("liveness probes of the kept connection").isZero();
        } finally {
            HttpsURLConnection.setDefaultSSLSocketFactory(jdkDefault);
        }
    }

    private static void assertTwoGetItemsOnOneConnection(List<FakeDynamo.Request> requests) throws Exception {
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).client()).as("the second call's connection").isEqualTo(requests.get(0).client());
        for (int i = 0; i < 2; i++) {
            FakeDynamo.Request request = requests.get(i);
            assertThat(request.target()).isEqualTo("DynamoDB_20120810.GetItem");
            assertThat(request.contentLength()).isEqualTo(Integer.toString(request.body().length));
            assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(
                    "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"call-" + (i + 1) + "\"}}}"));
        }
    }

    private static Map<String, AttributeValue> getItem(DynamoDbClient client, String pk) {
        return client.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s(pk)))).item();
    }

    private static DynamoDbClient client(SdkHttpClient http, String endpoint) {
        return DynamoDbClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create(endpoint))
                .region(Region.CN_NORTHWEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
