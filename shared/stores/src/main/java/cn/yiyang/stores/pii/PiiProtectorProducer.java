package cn.yiyang.stores.pii;

import cn.yiyang.kernel.pii.PiiKeys;
import cn.yiyang.kernel.pii.PiiProtector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import cn.yiyang.stores.secrets.DeploymentSecrets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PII keys come from Secrets Manager (the secret the deployment names by ARN) or, locally and
 * in tests, from configuration; never from code. Without them, personal data cannot be stored.
 */
@ApplicationScoped
public class PiiProtectorProducer {

    @Produces
    @Singleton
    PiiProtector piiProtector(DeploymentSecrets secrets,
                              @ConfigProperty(name = "yiyang.pii.encryption-key") Optional<String> encryptionKey,
                              @ConfigProperty(name = "yiyang.pii.index-key") Optional<String> indexKey) {
        String encryption = secrets.value("yiyang.pii.encryption-key").or(() -> encryptionKey)
                .orElseThrow(() -> new IllegalStateException("no PII encryption key configured"));
        String index = secrets.value("yiyang.pii.index-key").or(() -> indexKey)
                .orElseThrow(() -> new IllegalStateException("no PII index key configured"));
        return new PiiProtector(PiiKeys.fromBase64(encryption, index));
    }
}
