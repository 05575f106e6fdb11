package cn.yiyang.stores.pii;

import cn.yiyang.kernel.pii.PiiKeys;
import cn.yiyang.kernel.pii.PiiProtector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PII keys come from configuration (on Lambda: environment variables filled from Secrets
 * Manager), never from code. A function that stores personal data fails to start without them.
 */
@ApplicationScoped
public class PiiProtectorProducer {

    @Produces
    @Singleton
    PiiProtector piiProtector(@ConfigProperty(name = "yiyang.pii.encryption-key") String encryptionKey,
                              @ConfigProperty(name = "yiyang.pii.index-key") String indexKey) {
        return new PiiProtector(PiiKeys.fromBase64(encryptionKey, indexKey));
    }
}
