package cn.yiyang.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a PostgreSQL server that counts the round trips clients make: a round trip
 * is a wait for the server. Each simple Query ('Q') or Sync ('S', which ends an extended-protocol
 * Parse/Bind/Execute) asks for an answer, and the server ends each answer with ReadyForQuery ('Z');
 * one sent while no answer is outstanding starts a round trip, one sent while answers are still due
 * (a pipeline: statements sent without waiting) rides in the round trip under way. Counting on the wire
 * counts what any access style really sends (entities, native SQL, BEGIN and COMMIT alike) without
 * a hook in the code under test. Startup and authentication are not counted.
 *
 * <p>Apart, the round trips that only prepared a statement (a Parse and Describe, no Execute, before the
 * Sync that started the trip): a client with a statement cache pays one the first time a statement runs on
 * a connection. A call's count on a warm connection is its round trips less those ({@link #sharedWarmRoundTrips}),
 * whichever pooled connection the call was given.
 */
public final class PgWireCounter implements AutoCloseable {

    /** A frontend message longer than this is not PostgreSQL talking: the proxy stops counting that connection. */
    static final int MESSAGE_BYTES_MAX = 64 * 1024 * 1024;
    static final int STARTUP_MESSAGES_MAX = 2;

    private static final String PROPERTY_PREFIX = "yiyang.test.pg-wire-counter.";
    private static final String PREPARING = ".preparing";

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final AtomicLong roundTrips;
    private final AtomicLong preparingRoundTrips;
    private volatile boolean closed;

    private PgWireCounter(String upstreamHost, int upstreamPort, AtomicLong roundTrips, AtomicLong preparingRoundTrips)
            throws IOException {
        this.roundTrips = roundTrips;
        this.preparingRoundTrips = preparingRoundTrips;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "pg-wire-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A counter in front of the server of this reactive URL ({@code postgresql://host:port/db}). */
    public static PgWireCounter inFrontOf(String reactiveUrl) throws IOException {
        java.net.URI uri = java.net.URI.create(reactiveUrl.replaceFirst("^postgres(ql)?:", "postgresql:"));
        return new PgWireCounter(uri.getHost(), uri.getPort(), new AtomicLong(), new AtomicLong());
    }

    /**
     * A counter whose count a test can read under {@code name} from any class loader of the JVM (a
     * Quarkus test resource and the test itself see different copies of this class): the count is a
     * java.base object kept in the system properties.
     */
    public static PgWireCounter shared(String name, String reactiveUrl) throws IOException {
        java.net.URI uri = java.net.URI.create(reactiveUrl.replaceFirst("^postgres(ql)?:", "postgresql:"));
        AtomicLong count = new AtomicLong();
        AtomicLong preparing = new AtomicLong();
        System.getProperties().put(PROPERTY_PREFIX + name, count);
        System.getProperties().put(PROPERTY_PREFIX + name + PREPARING, preparing);
        return new PgWireCounter(uri.getHost(), uri.getPort(), count, preparing);
    }

    /** The round trips counted so far by the {@link #shared} counter of this name. */
    public static long sharedRoundTrips(String name) {
        return shared(PROPERTY_PREFIX + name);
    }

    /** The round trips so far less those that only prepared a statement: what the calls cost on warm connections. */
    public static long sharedWarmRoundTrips(String name) {
        return shared(PROPERTY_PREFIX + name) - shared(PROPERTY_PREFIX + name + PREPARING);
    }

    private static long shared(String property) {
        Object count = System.getProperties().get(property);
        if (!(count instanceof AtomicLong n)) {
            throw new IllegalStateException("no wire counter " + property + " in this JVM");
        }
        return n.get();
    }

    /** The same URL, through this counter. */
    public String url(String reactiveUrl) {
        java.net.URI uri = java.net.URI.create(reactiveUrl.replaceFirst("^postgres(ql)?:", "postgresql:"));
        return "postgresql://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort()
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public long roundTrips() {
        return roundTrips.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstreamHost, upstreamPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Flights flights = new Flights(client);
                daemon(() -> countAndCopy(client, server, flights), "pg-wire-counter-up");
                daemon(() -> answersAndCopy(server, client, flights), "pg-wire-counter-down");
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("the wire counter stopped accepting", e);
                }
            }
        }
    }

    /**
     * One connection's answers due. A client sends a pipeline's statements one write after another, and a
     * busy machine may pause it between two writes; so before an answer's end is passed on, the client must
     * have sent nothing for {@link #SETTLE_MILLIS} and everything it sent must have been read and counted:
     * what it sent until then was sent before it could see this answer, and rides in the round trip under
     * way. Counting is exact at the price of that pause per round trip (a test's, not a benchmark's time).
     */
    private static final class Flights {
        static final long SETTLE_MILLIS = 20;
        /** How long an answer's end waits at most for a client that keeps sending. */
        static final long SETTLE_WAIT_MILLIS_MAX = 2_000;

        final java.util.concurrent.atomic.AtomicInteger due = new java.util.concurrent.atomic.AtomicInteger();
        final InputStream fromClient;
        volatile boolean upIdle;
        volatile long lastSentNanos = System.nanoTime();

        Flights(Socket client) throws IOException {
            this.fromClient = client.getInputStream();
        }

        void awaitClientSettled() throws IOException {
            long settle = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(SETTLE_WAIT_MILLIS_MAX);
            while (!(upIdle && fromClient.available() == 0 && System.nanoTime() - lastSentNanos >= settle)
                    && System.nanoTime() < until) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void countAndCopy(Socket client, Socket server, Flights flights) {
        try (client; server) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = new java.io.BufferedOutputStream(server.getOutputStream());
            for (int i = 0; i < STARTUP_MESSAGES_MAX && forwardStartup(in, out); i++) {
                // an SSLRequest the server refused is followed by the real startup message
            }
            boolean parsed = false;
            boolean executed = false;
            while (true) {
                flights.upIdle = true;
                int type = in.read();
                flights.upIdle = false;
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                if (length < 4 || length > MESSAGE_BYTES_MAX) {
                    throw new IOException("not a PostgreSQL frontend message: length " + length);
                }
                parsed |= type == 'P';
                executed |= type == 'E';
                if (type == 'Q' || type == 'S') {
                    if (flights.due.getAndIncrement() == 0) {
                        roundTrips.incrementAndGet();
                        if (type == 'S' && parsed && !executed) {
                            preparingRoundTrips.incrementAndGet();
                        }
                    }
                    parsed = false;
                    executed = false;
                }
                out.write(type);
                writeInt(out, length);
                copyExactly(in, out, length - 4);
                out.flush();
                flights.lastSentNanos = System.nanoTime();
            }
        } catch (EOFException | SocketException closedByAPeer) {
            // a connection ends
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forwards one startup-phase message; true when it was an SSL or GSS request (another startup message follows). */
    private static boolean forwardStartup(DataInputStream in, OutputStream out) throws IOException {
        int length = in.readInt();
        if (length < 8 || length > MESSAGE_BYTES_MAX) {
            throw new IOException("not a PostgreSQL startup message: length " + length);
        }
        byte[] body = in.readNBytes(length - 4);
        writeInt(out, length);
        out.write(body);
        out.flush();
        int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
        return code == 80877103 || code == 80877104;
    }

    /**
     * The server's messages to the client, each ReadyForQuery ending one answer due (counted before it
     * is passed on, so the client's next message sees it). The first ReadyForQuery ends the startup,
     * which is not counted; an encrypted session cannot be read and is only copied.
     */
    private static void answersAndCopy(Socket server, Socket client, Flights flights) {
        try (server; client) {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(server.getInputStream()));
            OutputStream out = new java.io.BufferedOutputStream(client.getOutputStream());
            boolean started = false;
            boolean first = true;
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                if (first && (type == 'N' || type == 'S' || type == 'G')) {
                    out.write(type); // the answer to an SSL or GSS request: one byte
                    out.flush();
                    if (type != 'N') {
                        copyRest(in, out);
                        return;
                    }
                    continue;
                }
                first = false;
                int length = in.readInt();
                if (length < 4 || length > MESSAGE_BYTES_MAX) {
                    throw new IOException("not a PostgreSQL backend message: length " + length);
                }
                if (type == 'Z') {
                    if (started) {
                        flights.awaitClientSettled();
                        flights.due.decrementAndGet();
                    }
                    started = true;
                }
                out.write(type);
                writeInt(out, length);
                copyExactly(in, out, length - 4);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (EOFException | SocketException closedByAPeer) {
            // a connection ends
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyRest(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    private static void copyExactly(DataInputStream in, OutputStream out, int bytes) throws IOException {
        byte[] buffer = new byte[Math.min(bytes, 16 * 1024)];
        for (int left = bytes; left > 0; ) {
            int n = in.read(buffer, 0, Math.min(left, buffer.length));
            if (n < 0) {
                throw new EOFException();
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
    }
}
