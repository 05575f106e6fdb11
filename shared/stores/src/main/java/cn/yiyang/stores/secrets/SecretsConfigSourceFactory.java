package cn.yiyang.stores.secrets;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Adds the secrets named by ARN to the runtime configuration, above application.properties and
 * below explicit environment variables. Not static-init safe on purpose: a native build must
 * never fetch (and bake in) a secret.
 */
public class SecretsConfigSourceFactory implements ConfigSourceFactory {

    public static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Checked before SecretConfig is touched: the build (and any run without secrets) must not
        // load the AWS SDK classes it needs, which the Quarkus build's class loader does not have.
        if (absent(context, SecretConfig.PG_SECRET_ARN) && absent(context, SecretConfig.PII_KEYS_SECRET_ARN)) {
            return List.of();
        }
        var config = SecretConfig.from(name -> {
            var value = context.getValue(name);
            return value == null ? null : value.getValue();
        });
        if (config.isEmpty()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(config, "yiyang-secrets-manager", ORDINAL));
    }

    private static boolean absent(ConfigSourceContext context, String name) {
        var value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }
}
