package cn.yiyang.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the embedded stores once per JVM, unless a server is named by URL, and answers the
 * configuration that points the application at them. Shared by the local gateway and the tests
 * so both run on the same real stores.
 */
public final class LocalStores {

    /** Set to a reactive PostgreSQL URL to use that server instead of the embedded one. */
    public static final String PG_URL_ENV = "YIYANG_PG_URL";
    /** Set to a DynamoDB endpoint to use that server instead of DynamoDB Local. */
    public static final String DYNAMO_ENDPOINT_ENV = "YIYANG_DYNAMO_ENDPOINT";

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedDynamoServer dynamo;

    private LocalStores() {
    }

    /** Configuration properties for Quarkus: datasource, credentials, DynamoDB endpoint. */
    public static synchronized Map<String, String> startIfNeeded() {
        Map<String, String> config = new LinkedHashMap<>();
        String pgUrl = System.getenv(PG_URL_ENV);
        if (pgUrl == null || pgUrl.isBlank()) {
            if (postgres == null) {
                postgres = EmbeddedPostgresServer.start();
            }
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            config.put("quarkus.datasource.password", "");
        } else {
            config.put("quarkus.datasource.reactive.url", pgUrl);
        }
        String dynamoEndpoint = System.getenv(DYNAMO_ENDPOINT_ENV);
        if (dynamoEndpoint == null || dynamoEndpoint.isBlank()) {
            if (dynamo == null) {
                dynamo = EmbeddedDynamoServer.start();
            }
            dynamoEndpoint = dynamo.endpoint();
        }
        config.put("yiyang.dynamo.endpoint", dynamoEndpoint);
        Runtime.getRuntime().addShutdownHook(new Thread(LocalStores::stop, "local-stores-stop"));
        return config;
    }

    public static synchronized void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (dynamo != null) {
            dynamo.close();
            dynamo = null;
        }
    }
}
