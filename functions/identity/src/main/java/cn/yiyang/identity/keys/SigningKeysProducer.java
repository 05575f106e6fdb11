package cn.yiyang.identity.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the signing keys from configuration: {@code kms} in AWS (the stack sets it with the key
 * ids), {@code local} for the local gateway and the tests. Made at run time, on first use, so a
 * native image never carries a key.
 */
@ApplicationScoped
public class SigningKeysProducer {

    @ConfigProperty(name = "yiyang.identity.signer", defaultValue = "kms")
    String signer;
    @ConfigProperty(name = "yiyang.identity.local.private-key")
    Optional<String> localPrivateKey;
    @ConfigProperty(name = "yiyang.identity.local.key-id")
    Optional<String> localKeyId;
    @ConfigProperty(name = "yiyang.identity.kms.signing-key")
    Optional<String> kmsSigningKey;
    @ConfigProperty(name = "yiyang.identity.kms.published-keys")
    Optional<List<String>> kmsPublishedKeys;
    @ConfigProperty(name = "yiyang.identity.kms.endpoint")
    Optional<URI> kmsEndpoint;
    @ConfigProperty(name = "yiyang.identity.kms.region")
    Optional<String> kmsRegion;

    @Produces
    @ApplicationScoped
    SigningKeys signingKeys() {
        return switch (signer) {
            case "local" -> new LocalSigningKeys(localPrivateKey, localKeyId);
            case "kms" -> new KmsSigningKeys(KmsSigningKeys.client(kmsRegion, kmsEndpoint),
                    kmsSigningKey.filter(k -> !k.isBlank()).orElseThrow(
                            () -> new IllegalStateException("yiyang.identity.kms.signing-key is not set")),
                    kmsPublishedKeys.orElse(List.of()));
            default -> throw new IllegalStateException("yiyang.identity.signer must be kms or local");
        };
    }
}
