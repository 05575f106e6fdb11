package cn.yiyang.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Signing through the real AWS SDK KMS client against a local stand-in that speaks KMS's JSON 1.1
 * protocol (GetPublicKey, Sign with a SHA-256 digest), holding its private keys as KMS would.
 */
class KmsSigningKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SHA256_DIGEST_INFO = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01,
            0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};

    private HttpServer server;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final Map<String, String> usage = new ConcurrentHashMap<>();
    private final AtomicInteger signCalls = new AtomicInteger();
    private final AtomicInteger publicKeyCalls = new AtomicInteger();

    @BeforeEach
    void standInKms() throws Exception {
        keys.put("key-2026", rsa());
        keys.put("key-2027", rsa());
        keys.put("encrypt-only", rsa());
        usage.put("encrypt-only", "ENCRYPT_DECRYPT");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theSigningKeySigns_RS256_verifiableWithItsPublishedKey() throws Exception {
        KmsSigningKeys kms = new KmsSigningKeys(client(), "key-2026", List.of());
        byte[] input = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0".getBytes(StandardCharsets.US_ASCII);

        byte[] signature = kms.signer().sign(input);

        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(kms.signer().publicKey());
        verify.update(input);
        assertThat(verify.verify(signature)).isTrue();
        assertThat(kms.signer().publicKey()).isEqualTo(keys.get("key-2026").getPublic());
        assertThat(kms.signer().keyId()).isEqualTo(RsaJwk.thumbprint((RSAPublicKey) keys.get("key-2026").getPublic()));
        assertThat(signCalls.get()).isEqualTo(1);
    }

    @Test
    void duringARotation_bothKeysArePublished_andOnlyTheFirstSigns() {
        KmsSigningKeys kms = new KmsSigningKeys(client(), "key-2027", List.of("key-2026", "key-2027"));

        assertThat(kms.published()).extracting(TokenSigner::publicKey)
                .containsExactly((RSAPublicKey) keys.get("key-2027").getPublic(), (RSAPublicKey) keys.get("key-2026").getPublic());
        assertThat(kms.signer().publicKey()).isEqualTo(keys.get("key-2027").getPublic());
        assertThat(publicKeyCalls.get()).as("each public key read once").isEqualTo(2);
    }

    @Test
    void aKeyThatCannotSign_stopsTheStart() {
        assertThatThrownBy(() -> new KmsSigningKeys(client(), "encrypt-only", List.of()))
                .hasMessageContaining("not an RSA sign/verify key");
    }

    private KmsClient client() {
        return KmsSigningKeys.client(Optional.of("cn-northwest-1"),
                Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        KeyPair pair = keys.get(request.path("KeyId").asText());
        String answer;
        int status = 200;
        try {
            if (pair == null) {
                status = 400;
                answer = "{\"__type\":\"NotFoundException\",\"message\":\"no such key\"}";
            } else if ("TrentService.GetPublicKey".equals(target)) {
                publicKeyCalls.incrementAndGet();
                answer = publicKey(request.path("KeyId").asText(), pair);
            } else if ("TrentService.Sign".equals(target)) {
                signCalls.incrementAndGet();
                answer = sign(request, pair);
            } else {
                status = 400;
                answer = "{\"__type\":\"UnsupportedOperationException\",\"message\":\"" + target + "\"}";
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String publicKey(String keyId, KeyPair pair) {
        boolean signs = !usage.containsKey(keyId);
        return "{\"KeyId\":\"arn:aws-cn:kms:cn-northwest-1:000000000000:key/" + keyId + "\",\"KeySpec\":\"RSA_2048\","
                + "\"KeyUsage\":\"" + (signs ? "SIGN_VERIFY" : "ENCRYPT_DECRYPT") + "\","
                + "\"PublicKey\":\"" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\","
                + (signs ? "\"SigningAlgorithms\":[\"RSASSA_PKCS1_V1_5_SHA_256\",\"RSASSA_PSS_SHA_256\"]"
                        : "\"EncryptionAlgorithms\":[\"RSAES_OAEP_SHA_256\"]") + "}";
    }

    /** KMS signs a DIGEST message as PKCS#1 v1.5 over the DigestInfo, exactly what SHA256withRSA produces. */
    private String sign(JsonNode request, KeyPair pair) throws GeneralSecurityException {
        assertThat(request.path("MessageType").asText()).isEqualTo("DIGEST");
        assertThat(request.path("SigningAlgorithm").asText()).isEqualTo("RSASSA_PKCS1_V1_5_SHA_256");
        byte[] digest = Base64.getDecoder().decode(request.path("Message").asText());
        byte[] digestInfo = new byte[SHA256_DIGEST_INFO.length + digest.length];
        System.arraycopy(SHA256_DIGEST_INFO, 0, digestInfo, 0, SHA256_DIGEST_INFO.length);
        System.arraycopy(digest, 0, digestInfo, SHA256_DIGEST_INFO.length, digest.length);
        Signature raw = Signature.getInstance("NONEwithRSA");
        raw.initSign(pair.getPrivate());
        raw.update(digestInfo);
        return "{\"KeyId\":\"" + request.path("KeyId").asText() + "\",\"SigningAlgorithm\":\"RSASSA_PKCS1_V1_5_SHA_256\","
                + "\"Signature\":\"" + Base64.getEncoder().encodeToString(raw.sign()) + "\"}";
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
