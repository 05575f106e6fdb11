package cn.yiyang.stores.dynamo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Enough of DynamoDB's JSON protocol for GetItem, on the JDK's HTTP server (or HTTPS, with a self-signed
 * certificate for localhost made by keytool): every request is recorded as it arrived, with the client's address
 * (its port tells one TCP connection from another), and answered with {@link #ITEM}.
 */
final class FakeDynamo implements AutoCloseable {

    static final Map<String, AttributeValue> ITEM = Map.of("pk", AttributeValue.fromS("seat"),
            "placed", AttributeValue.fromN("3"));
    private static final byte[] ANSWER = "{\"Item\":{\"pk\":{\"S\":\"seat\"},\"placed\":{\"N\":\"3\"}}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSWORD = "changeit".toCharArray();

    /** One request as it arrived: the client's address, X-Amz-Target, the Content-Length header, the body. */
    record Request(InetSocketAddress client, String target, String contentLength, byte[] body) {
    }

    private final HttpServer server;
    private final String scheme;
    private final SSLContext tls;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeDynamo(HttpServer server, String scheme, SSLContext tls) {
        this.server = server;
        this.scheme = scheme;
        this.tls = tls;
        server.createContext("/", this::answer);
        server.start();
    }

    static FakeDynamo overHttp() throws IOException {
        return new FakeDynamo(HttpServer.create(loopback(), 0), "http", null);
    }

    static FakeDynamo overHttps(Path dir) throws Exception {
        SSLContext tls = selfSignedForLocalhost(dir);
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new FakeDynamo(server, "https", tls);
    }

    String endpoint() {
        return scheme + "://localhost:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A client socket factory that trusts this server's certificate (and only it). */
    SSLSocketFactory trustingSocketFactory() {
        return tls.getSocketFactory();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRemoteAddress(), exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    exchange.getRequestHeaders().getFirst("Content-Length"), body));
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    /** A key pair and certificate for localhost (keytool, as the JDK has no public API to make one), as a TLS context. */
    private static SSLContext selfSignedForLocalhost(Path dir) throws Exception {
        Path store = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "1",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(keys);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return tls;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
