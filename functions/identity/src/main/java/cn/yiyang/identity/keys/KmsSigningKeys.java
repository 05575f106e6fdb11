package cn.yiyang.identity.keys;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Keys held in AWS KMS (asymmetric RSA, usage SIGN_VERIFY): the private half never leaves KMS, and
 * only the identity function's role may call {@code kms:Sign} on them. The public halves are read
 * once with {@code GetPublicKey} and kept; each JWS signing input is hashed here and signed by KMS as
 * a digest ({@code RSASSA_PKCS1_V1_5_SHA_256}), which is exactly RS256.
 *
 * <p>Rotation (see the deploy guide): publish the new key beside the signing one, wait for caches,
 * sign with the new key while still publishing the old one, then drop the old one once every token
 * it signed has expired.
 */
public final class KmsSigningKeys implements SigningKeys {

    public static final int KEYS_PUBLISHED_MAX = 3;
    public static final int CALL_TIMEOUT_SECONDS = 5;
    private static final SigningAlgorithmSpec RS256 = SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256;

    private final KmsClient client;
    private final TokenSigner signer;
    private final List<TokenSigner> published;

    public KmsSigningKeys(KmsClient client, String signingKey, List<String> publishedKeys) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(signingKey);
        all.addAll(publishedKeys);
        if (all.size() > KEYS_PUBLISHED_MAX) {
            throw new IllegalStateException("at most " + KEYS_PUBLISHED_MAX + " keys are published at once");
        }
        this.client = client;
        List<TokenSigner> keys = new ArrayList<>();
        for (String kmsKeyId : all) {
            keys.add(new KmsSigner(kmsKeyId, publicKey(kmsKeyId)));
        }
        this.signer = keys.get(0);
        this.published = List.copyOf(keys);
    }

    /** The SDK client: url-connection transport, the Lambda role's credentials from its environment. */
    public static KmsClient client(Optional<String> region, Optional<URI> endpoint) {
        return client(region, endpoint, EnvironmentVariableCredentialsProvider.create());
    }

    /** The same with other credentials (a test's stand-in). */
    public static KmsClient client(Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        var builder = KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(CALL_TIMEOUT_SECONDS)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(2L * CALL_TIMEOUT_SECONDS)).build())
                .credentialsProvider(credentials)
                .region(Region.of(region.filter(r -> !r.isBlank()).orElse("cn-northwest-1")));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public TokenSigner signer() {
        return signer;
    }

    @Override
    public List<TokenSigner> published() {
        return published;
    }

    private RSAPublicKey publicKey(String kmsKeyId) {
        GetPublicKeyResponse answer = client.getPublicKey(b -> b.keyId(kmsKeyId));
        if (answer.keyUsage() != KeyUsageType.SIGN_VERIFY || !answer.signingAlgorithms().contains(RS256)) {
            throw new IllegalStateException("KMS key " + kmsKeyId + " is not an RSA sign/verify key for RS256");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(answer.publicKey().asByteArray()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("KMS key " + kmsKeyId + " has no RSA public key", e);
        }
    }

    private final class KmsSigner implements TokenSigner {
        private final String kmsKeyId;
        private final RSAPublicKey publicKey;
        private final String keyId;

        private KmsSigner(String kmsKeyId, RSAPublicKey publicKey) {
            this.kmsKeyId = kmsKeyId;
            this.publicKey = publicKey;
            this.keyId = RsaJwk.thumbprint(publicKey);
        }

        @Override
        public String keyId() {
            return keyId;
        }

        @Override
        public RSAPublicKey publicKey() {
            return publicKey;
        }

        @Override
        public byte[] sign(byte[] signingInput) {
            byte[] digest;
            try {
                digest = MessageDigest.getInstance("SHA-256").digest(signingInput);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return client.sign(b -> b.keyId(kmsKeyId).messageType(MessageType.DIGEST).signingAlgorithm(RS256)
                    .message(SdkBytes.fromByteArray(digest))).signature().asByteArray();
        }
    }
}
