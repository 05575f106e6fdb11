package cn.yiyang.stores.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Turns the secrets a deployment names by ARN into configuration: the PostgreSQL credentials
 * (RDS's {@code {"username","password"}}), the PII keys ({@code {"encryptionKey","indexKey"}}),
 * for the identity function the WeChat mini-program's {@code {"appId","appSecret"}}, and for fund-lines
 * the audit checkpoints' {@code {"checkpointSeed"}}.
 * Secrets never live in code, files or plain environment variables.
 */
public final class SecretConfig {

    public static final String PG_SECRET_ARN = "YIYANG_PG_SECRET_ARN";
    public static final String PII_KEYS_SECRET_ARN = "YIYANG_PII_KEYS_SECRET_ARN";
    public static final String WECHAT_SECRET_ARN = "YIYANG_WECHAT_SECRET_ARN";
    public static final String AUDIT_KEY_SECRET_ARN = "YIYANG_AUDIT_KEY_SECRET_ARN";
    /** Only for tests and local emulators: where Secrets Manager answers. */
    public static final String ENDPOINT = "YIYANG_SECRETS_ENDPOINT";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretConfig() {
    }

    /** Configuration properties from the secrets named in {@code env}; empty when none is named. */
    public static Map<String, String> from(Function<String, String> env) {
        String pg = env.apply(PG_SECRET_ARN);
        String pii = env.apply(PII_KEYS_SECRET_ARN);
        String wechat = env.apply(WECHAT_SECRET_ARN);
        String audit = env.apply(AUDIT_KEY_SECRET_ARN);
        Map<String, String> config = new LinkedHashMap<>();
        if (blank(pg) && blank(pii) && blank(wechat) && blank(audit)) {
            return config;
        }
        try (SecretsManagerClient client = client(env)) {
            if (!blank(pg)) {
                JsonNode secret = read(client, pg);
                config.put("quarkus.datasource.username", required(secret, "username", pg));
                config.put("quarkus.datasource.password", required(secret, "password", pg));
            }
            if (!blank(pii)) {
                JsonNode secret = read(client, pii);
                config.put("yiyang.pii.encryption-key", required(secret, "encryptionKey", pii));
                config.put("yiyang.pii.index-key", required(secret, "indexKey", pii));
            }
            if (!blank(wechat)) {
                JsonNode secret = read(client, wechat);
                config.put("yiyang.wechat.app-id", required(secret, "appId", wechat));
                config.put("yiyang.wechat.app-secret", required(secret, "appSecret", wechat));
            }
            if (!blank(audit)) {
                config.put("yiyang.audit.checkpoint-seed", required(read(client, audit), "checkpointSeed", audit));
            }
        }
        return config;
    }

    private static SecretsManagerClient client(Function<String, String> env) {
        var builder = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(5)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(10)).build())
                .credentialsProvider(StaticCredentialsProvider.create(credentials(env)))
                .region(Region.of(blank(env.apply("AWS_REGION")) ? "cn-northwest-1" : env.apply("AWS_REGION")));
        if (!blank(env.apply(ENDPOINT))) {
            builder.endpointOverride(URI.create(env.apply(ENDPOINT)));
        }
        return builder.build();
    }

    /** The Lambda's own role credentials, which the runtime puts in its environment. */
    private static AwsCredentials credentials(Function<String, String> env) {
        String key = env.apply("AWS_ACCESS_KEY_ID");
        String secret = env.apply("AWS_SECRET_ACCESS_KEY");
        String token = env.apply("AWS_SESSION_TOKEN");
        if (blank(key) || blank(secret)) {
            throw new IllegalStateException("no AWS credentials in the environment to read the secrets with");
        }
        return blank(token) ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token);
    }

    private static JsonNode read(SecretsManagerClient client, String arn) {
        String text = client.getSecretValue(b -> b.secretId(arn)).secretString();
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            // Never echo the secret's text: name the secret only.
            throw new IllegalStateException("secret " + arn + " is not a JSON object");
        }
    }

    private static String required(JsonNode secret, String field, String arn) {
        JsonNode value = secret.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException("secret " + arn + " has no '" + field + "'");
        }
        return value.asText();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
