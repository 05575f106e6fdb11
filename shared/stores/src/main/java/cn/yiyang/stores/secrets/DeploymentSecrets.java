package cn.yiyang.stores.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets the deployment names by ARN (see {@link SecretConfig}), fetched once, on first use
 * at run time (never at build time, so a native image cannot carry one), then kept in memory.
 */
@ApplicationScoped
public class DeploymentSecrets {

    private volatile Map<String, String> values;

    public Optional<String> value(String property) {
        Map<String, String> known = values;
        if (known == null) {
            synchronized (this) {
                if (values == null) {
                    values = SecretConfig.from(System::getenv);
                }
                known = values;
            }
        }
        return Optional.ofNullable(known.get(property));
    }
}
