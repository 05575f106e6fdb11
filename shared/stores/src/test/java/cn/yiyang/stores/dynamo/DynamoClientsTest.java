package cn.yiyang.stores.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/**
 * The client's fixed endpoint is the one the SDK's own endpoint rules would resolve in each region we may run in; its
 * connections keep the timeouts the SDK's builder gave them before they were our own.
 */
class DynamoClientsTest {

    private static final List<String> REGIONS = List.of("cn-northwest-1", "cn-north-1", "ap-east-1", "ap-southeast-1",
            "us-east-1", "eu-west-1");

    @Test
    void theStandardEndpoint_isWhatTheSdksRulesResolve_inEachRegion() {
        DynamoDbEndpointProvider rules = DynamoDbEndpointProvider.defaultProvider();
        for (String region : REGIONS) {
            URI resolved = rules.resolveEndpoint(p -> p.region(Region.of(region))).join().url();

            assertThat(DynamoClients.standardEndpoint(region)).as(region).isEqualTo(resolved);
        }
    }

    @Test
    void theClientsConnections_connectWithinTwoSeconds_andReadWithinTheCallTimeout() throws Exception {
        for (String endpoint : List.of("http://localhost:8000", "https://dynamodb.cn-northwest-1.amazonaws.com.cn")) {
            HttpURLConnection connection = DynamoClients.connections().createConnection(URI.create(endpoint));

            assertThat(connection.getConnectTimeout()).as(endpoint).isEqualTo(2_000);
            assertThat(connection.getReadTimeout()).as(endpoint).isEqualTo(5_000);
            assertThat(connection.getURL()).as(endpoint).isEqualTo(URI.create(endpoint).toURL());
        }
    }
}
