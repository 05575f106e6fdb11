package cn.yiyang.testing;

import cn.yiyang.embedded.LocalStores;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Real stores for {@code @QuarkusTest}s: embedded PostgreSQL and DynamoDB Local (started once per
 * JVM, or the servers named by YIYANG_PG_URL / YIYANG_DYNAMO_ENDPOINT), the test JWKS, and PII keys
 * and the audit checkpoints' signing seed made for this JVM. The stores outlive an app restart, so tests use fresh data, not a fresh store.
 */
public class StoresTestResource implements QuarkusTestResourceLifecycleManager {

    // Kept JVM-wide: the stores outlive app restarts and class loaders, so must the keys.
    private static final String ENCRYPTION_KEY = jvmWide("yiyang.test.pii-encryption-key");
    private static final String INDEX_KEY = jvmWide("yiyang.test.pii-index-key");
    private static final String AUDIT_CHECKPOINT_SEED = jvmWide("yiyang.test.audit-checkpoint-seed");
    /**
     * The counties the tests' deployment serves, the fixtures' own and the {@link ScenarioCounties};
     * a token for any other is refused (tested).
     */
    public static final String SERVED_COUNTIES = "330105,330106,320303," + ScenarioCounties.all();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(LocalStores.startIfNeeded());
        config.put("yiyang.dynamo.create-tables", "true");
        // Tests count the DynamoDB round trips a request waits for (DynamoCallLog).
        config.put("yiyang.dynamo.call-log.enabled", "true");
        // Usage lines reach the counters through the in-process stand-in for CloudWatch Logs (on Lambda, CloudWatch).
        config.put("yiyang.metering.local-delivery.enabled", "true");
        config.put("mp.jwt.verify.publickey.location", TestKeys.jwksFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        config.put("mp.jwt.verify.audiences", Tokens.AUDIENCE);
        config.put("yiyang.pii.encryption-key", ENCRYPTION_KEY);
        config.put("yiyang.pii.index-key", INDEX_KEY);
        config.put("yiyang.audit.checkpoint-seed", AUDIT_CHECKPOINT_SEED);
        config.put("yiyang.counties", SERVED_COUNTIES);
        return config;
    }

    @Override
    public void stop() {
        // The stores are shared by every app start in this JVM; LocalStores stops them at exit.
    }

    private static String jvmWide(String property) {
        synchronized (System.class) {
            String key = System.getProperty(property);
            if (key == null) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                key = Base64.getEncoder().encodeToString(bytes);
                System.setProperty(property, key);
            }
            return key;
        }
    }
}
