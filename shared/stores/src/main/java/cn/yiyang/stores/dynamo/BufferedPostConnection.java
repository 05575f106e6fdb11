package cn.yiyang.stores.dynamo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

/**
 * The JDK's connection (http or https) with the request body buffered instead of streamed. The SDK asks each POST
 * to stream its fixed length, and before a streamed POST on a kept-alive connection the JDK probes the connection
 * with a 1 ms read timeout ({@code sun.net.www.http.HttpClient.available()}), waited out on every warm DynamoDB call;
 * a buffered POST skips the probe, and DynamoDB's bodies are small (an item ≤ 400 KB, a transaction ≤ 4 MB).
 *
 * <p>What a buffered POST changes: when reading its answer fails with an I/O error other than a timeout (typically a
 * kept connection the server had closed), the JDK sends it once more on a new connection
 * ({@code sun.net.http.retryPost}, default true), where a streamed POST failed to the SDK, which retries any I/O
 * error itself. So a request whose answer was lost was already sent again, and still is; our writes are made for it: a
 * {@code TransactWriteItems} carries the SDK's client request token (DynamoDB answers a replay within 10 minutes as
 * the first, without applying it again), the single writes put whole items or SET attributes, and the conditional
 * ones take {@code ConditionalCheckFailed} as "already done" (BookingCards). The property stays at its default: it
 * is the JVM's (every URL connection's POST, Secrets Manager's and KMS's too), read once when the JDK's HTTP client
 * class loads, whatever connects first; and its replay spares the SDK's backed-off retry after a dropped kept
 * connection, which the probe used to find. Idle connections still expire in the JDK's keep-alive cache (after 5 s,
 * or the server's {@code Keep-Alive} timeout); TLS is the delegate's own (the JDK's default socket factory and
 * hostname check, as the SDK's default client has them).
 */
final class BufferedPostConnection extends HttpURLConnection {

    private final HttpURLConnection delegate;

    private BufferedPostConnection(HttpURLConnection delegate) {
        super(delegate.getURL());
        this.delegate = delegate;
    }

    /** Opens connections as the SDK's default factory does when no proxy is configured, with these timeouts. */
    static UrlConnectionFactory factory(Duration connectTimeout, Duration socketTimeout) {
        int connectMillis = Math.toIntExact(connectTimeout.toMillis());
        int socketMillis = Math.toIntExact(socketTimeout.toMillis());
        return uri -> {
            HttpURLConnection connection = open(uri);
            connection.setConnectTimeout(connectMillis);
            connection.setReadTimeout(socketMillis);
            return new BufferedPostConnection(connection);
        };
    }

    private static HttpURLConnection open(URI uri) {
        try {
            return (HttpURLConnection) uri.toURL().openConnection();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ignored: the JDK counts the buffered body and sends its Content-Length itself. */
    @Override
    public void setFixedLengthStreamingMode(int contentLength) {
    }

    /** Ignored: the JDK counts the buffered body and sends its Content-Length itself. */
    @Override
    public void setFixedLengthStreamingMode(long contentLength) {
    }

    /** Delegated: the SDK asks for chunks only for a body of unknown length, which no DynamoDB request has. */
    @Override
    public void setChunkedStreamingMode(int chunkLength) {
        delegate.setChunkedStreamingMode(chunkLength);
    }

    @Override
    public void connect() throws IOException {
        delegate.connect();
    }

    @Override
    public void disconnect() {
        delegate.disconnect();
    }

    @Override
    public boolean usingProxy() {
        return delegate.usingProxy();
    }

    @Override
    public void setRequestMethod(String method) throws ProtocolException {
        delegate.setRequestMethod(method);
    }

    @Override
    public String getRequestMethod() {
        return delegate.getRequestMethod();
    }

    @Override
    public void setDoOutput(boolean doOutput) {
        delegate.setDoOutput(doOutput);
    }

    @Override
    public boolean getDoOutput() {
        return delegate.getDoOutput();
    }

    @Override
    public void setInstanceFollowRedirects(boolean followRedirects) {
        delegate.setInstanceFollowRedirects(followRedirects);
    }

    @Override
    public boolean getInstanceFollowRedirects() {
        return delegate.getInstanceFollowRedirects();
    }

    @Override
    public void setConnectTimeout(int timeout) {
        delegate.setConnectTimeout(timeout);
    }

    @Override
    public int getConnectTimeout() {
        return delegate.getConnectTimeout();
    }

    @Override
    public void setReadTimeout(int timeout) {
        delegate.setReadTimeout(timeout);
    }

    @Override
    public int getReadTimeout() {
        return delegate.getReadTimeout();
    }

    @Override
    public void setRequestProperty(String key, String value) {
        delegate.setRequestProperty(key, value);
    }

    @Override
    public void addRequestProperty(String key, String value) {
        delegate.addRequestProperty(key, value);
    }

    @Override
    public String getRequestProperty(String key) {
        return delegate.getRequestProperty(key);
    }

    @Override
    public Map<String, List<String>> getRequestProperties() {
        return delegate.getRequestProperties();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return delegate.getOutputStream();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return delegate.getInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return delegate.getErrorStream();
    }

    @Override
    public int getResponseCode() throws IOException {
        return delegate.getResponseCode();
    }

    @Override
    public String getResponseMessage() throws IOException {
        return delegate.getResponseMessage();
    }

    @Override
    public String getHeaderField(String name) {
        return delegate.getHeaderField(name);
    }

    @Override
    public String getHeaderField(int n) {
        return delegate.getHeaderField(n);
    }

    @Override
    public String getHeaderFieldKey(int n) {
        return delegate.getHeaderFieldKey(n);
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        return delegate.getHeaderFields();
    }

    @Override
    public String toString() {
        return "BufferedPostConnection[" + delegate + "]";
    }
}
