package cn.yiyang.stores.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/**
 * The synchronous DynamoDB client over the JDK's URL connection (small, native-friendly, no
 * Netty clash), its request bodies buffered ({@link #httpClient}). On Lambda, credentials come
 * from the environment; locally an endpoint is named and dummy credentials suffice. The endpoint
 * is fixed when the client is made (the named one, or the region's standard one), so no call
 * evaluates the SDK's endpoint rules (in a region, with the partition data they parse); SDK 2.25's
 * builder still builds the ruleset it then does not use.
 *
 * <p>Built on its first call, not at start ({@code @ApplicationScoped}: a client proxy is injected): its build
 * loads ~1,100 SDK classes and the JDK's TLS set, half a cold start's start-up beans, which a PostgreSQL
 * function's first request rarely needs. On SnapStart it is built before the snapshot all the same
 * ({@link DynamoTables#beforeCheckpoint}).
 */
@ApplicationScoped
public class DynamoClients {

    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDbClient(@ConfigProperty(name = "yiyang.dynamo.endpoint") Optional<URI> endpoint,
                                  @ConfigProperty(name = "yiyang.dynamo.region", defaultValue = "cn-northwest-1") String region,
                                  @ConfigProperty(name = "yiyang.dynamo.faults.enabled", defaultValue = "false") boolean faults,
                                  @ConfigProperty(name = "yiyang.dynamo.call-log.enabled", defaultValue = "false") boolean callLog) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder().apiCallTimeout(CALL_TIMEOUT);
        if (faults) {
            override.addExecutionInterceptor(new DynamoFaults());
        }
        if (callLog) {
            override.addExecutionInterceptor(new DynamoCallLog());
        }
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient())
                .overrideConfiguration(override.build())
                .region(Region.of(region))
                .endpointProvider(fixedEndpoint(endpoint.orElseGet(() -> standardEndpoint(region))));
        if (endpoint.isPresent()) {
            builder.endpointOverride(endpoint.get())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        return builder.build();
    }

    /**
     * The JDK's URL connection, connecting within {@link #CONNECT_TIMEOUT} and reading within {@link #CALL_TIMEOUT},
     * sending bodies buffered ({@link BufferedPostConnection}: no liveness probe before each call on a kept connection).
     */
    public static SdkHttpClient httpClient() {
        // create(factory) applies none of the builder's options: the factory sets the timeouts itself
        return UrlConnectionHttpClient.create(connections());
    }

    static UrlConnectionFactory connections() {
        return BufferedPostConnection.factory(CONNECT_TIMEOUT, CALL_TIMEOUT);
    }

    /**
     * DynamoDB's endpoint in an AWS region, as the SDK's rules resolve it without FIPS or dual-stack
     * (DynamoClientsTest holds the two equal): {@code dynamodb.<region>.amazonaws.com}, in China {@code .com.cn}.
     */
    static URI standardEndpoint(String region) {
        return URI.create("https://dynamodb." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com"));
    }

    private static DynamoDbEndpointProvider fixedEndpoint(URI endpoint) {
        Endpoint fixed = Endpoint.builder().url(endpoint).build();
        return params -> CompletableFuture.completedFuture(fixed);
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }
}
