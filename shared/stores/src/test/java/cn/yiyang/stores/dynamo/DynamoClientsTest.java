package cn.yiyang.stores.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/** The client's fixed endpoint is the one the SDK's own endpoint rules would resolve in each region we may run in. */
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
}
