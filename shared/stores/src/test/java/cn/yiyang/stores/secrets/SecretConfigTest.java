package cn.yiyang.stores.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the deployment's secrets through the real AWS SDK client, against a local stand-in
 * that speaks Secrets Manager's GetSecretValue (JSON 1.1) on loopback.
 */
class SecretConfigTest {

    private static final String PG_ARN = "arn:aws-cn:secretsmanager:cn-northwest-1:000000000000:secret:db-AbCdEf";
    private static final String PII_ARN = "arn:aws-cn:secretsmanager:cn-northwest-1:000000000000:secret:pii-GhIjKl";
    private static final String AUDIT_ARN = "arn:aws-cn:secretsmanager:cn-northwest-1:000000000000:secret:audit-MnOpQr";

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String piiSecret = "{\"encryptionKey\":\"ZW5j\",\"indexKey\":\"aWR4\"}";

    @BeforeEach
    void fakeSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String secret = body.contains(PG_ARN) ? "{\"username\":\"yiyang\",\"password\":\"s3cret\",\"engine\":\"postgres\"}"
                    : body.contains(AUDIT_ARN) ? "{\"checkpointSeed\":\"c2VlZA\"}" : piiSecret;
            String answer = "{\"ARN\":\"x\",\"Name\":\"x\",\"SecretString\":" + quote(secret) + "}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders("secretsmanager.GetSecretValue".equals(target) ? 200 : 400, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theNamedSecrets_becomeDatasourceCredentialsAndPiiKeys() {
        Map<String, String> config = SecretConfig.from(env(Map.of(SecretConfig.PG_SECRET_ARN, PG_ARN,
                SecretConfig.PII_KEYS_SECRET_ARN, PII_ARN)));

        assertThat(config).containsEntry("quarkus.datasource.username", "yiyang")
                .containsEntry("quarkus.datasource.password", "s3cret")
                .containsEntry("yiyang.pii.encryption-key", "ZW5j")
                .containsEntry("yiyang.pii.index-key", "aWR4");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void theAuditKeySecret_becomesTheCheckpointSeed() {
        Map<String, String> config = SecretConfig.from(env(Map.of(SecretConfig.AUDIT_KEY_SECRET_ARN, AUDIT_ARN)));

        assertThat(config).containsExactly(Map.entry("yiyang.audit.checkpoint-seed", "c2VlZA"));
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void noSecretNamed_meansNoCallAndNoConfiguration() {
        assertThat(SecretConfig.from(env(Map.of()))).isEmpty();
        assertThat(calls.get()).isZero();
    }

    @Test
    void aSecretMissingAField_stopsTheStart_withoutShowingTheSecret() {
        piiSecret = "{\"encryptionKey\":\"c2VjcmV0LXZhbHVl\"}";

        assertThatThrownBy(() -> SecretConfig.from(env(Map.of(SecretConfig.PII_KEYS_SECRET_ARN, PII_ARN))))
                .hasMessageContaining("indexKey").hasMessageNotContaining("c2VjcmV0LXZhbHVl");
    }

    private java.util.function.Function<String, String> env(Map<String, String> named) {
        Map<String, String> all = new java.util.HashMap<>(named);
        all.put(SecretConfig.ENDPOINT, "http://127.0.0.1:" + server.getAddress().getPort());
        all.put("AWS_REGION", "cn-northwest-1");
        all.put("AWS_ACCESS_KEY_ID", "AKIDLOCAL");
        all.put("AWS_SECRET_ACCESS_KEY", "local-secret");
        all.put("AWS_SESSION_TOKEN", "local-token");
        return all::get;
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
