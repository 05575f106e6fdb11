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
    private static boolean stopHookAdded;
    private static final String STARTED_PG = "yiyang.local.started-pg-url";
    private static final String STARTED_DYNAMO = "yiyang.local.started-dynamo-endpoint";

    private LocalStores() {
    }

    /** Configuration properties for Quarkus: datasource, credentials, DynamoDB endpoint. */
    public static Map<String, String> startIfNeeded() {
        // Quarkus tests may load this class in more than one class loader: the servers started
        // are remembered JVM-wide so that each is started once.
        synchronized (System.class) {
            return startOnce();
        }
    }

    private static Map<String, String> startOnce() {
        Map<String, String> config = new LinkedHashMap<>();
        String pgUrl = System.getenv(PG_URL_ENV);
        if (pgUrl == null || pgUrl.isBlank()) {
            String started = System.getProperty(STARTED_PG);
            if (started == null) {
                postgres = EmbeddedPostgresServer.start();
                started = postgres.reactiveUrl();
                System.setProperty(STARTED_PG, started);
            }
            config.put("quarkus.datasource.reactive.url", started);
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            config.put("quarkus.datasource.password", "");
        } else {
            config.put("quarkus.datasource.reactive.url", pgUrl);
        }
        String dynamoEndpoint = System.getenv(DYNAMO_ENDPOINT_ENV);
        if (dynamoEndpoint == null || dynamoEndpoint.isBlank()) {
            dynamoEndpoint = System.getProperty(STARTED_DYNAMO);
            if (dynamoEndpoint == null) {
                dynamo = EmbeddedDynamoServer.start();
                dynamoEndpoint = dynamo.endpoint();
                System.setProperty(STARTED_DYNAMO, dynamoEndpoint);
            }
        }
        config.put("yiyang.dynamo.endpoint", dynamoEndpoint);
        if (!stopHookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(LocalStores::stop, "local-stores-stop"));
            stopHookAdded = true;
        }
        return config;
    }

    public static void stop() {
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
