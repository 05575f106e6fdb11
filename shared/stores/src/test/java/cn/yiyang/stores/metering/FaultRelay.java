package cn.yiyang.stores.metering;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of DynamoDB Local that fails TransactWriteItems calls on the wire, as a network or an
 * endpoint does: it counts the calls by their {@code X-Amz-Target} header and, for the ones it is told to,
 * either closes the connection before the request reaches the store ({@link Fault#REFUSE}: the store never
 * saw it) or lets the request through and drops its answer ({@link Fault#LOSE_ANSWER}: the store did the work,
 * the caller never heard).
 */
final class FaultRelay implements AutoCloseable {

    enum Fault { REFUSE, LOSE_ANSWER }

    private static final byte[] TRANSACTION = "DynamoDB_20120810.TransactWriteItems".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicInteger transactions = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Fault fault;
    private volatile int firstFailing = Integer.MAX_VALUE;
    private volatile int lastFailing = Integer.MAX_VALUE;

    FaultRelay(URI upstream) throws IOException {
        this.upstreamPort = upstream.getPort();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "fault-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Transactions number {@code first} to {@code last} (counted from 1, retries included) meet the fault. */
    void fail(Fault fault, int first, int last) {
        this.fault = fault;
        this.firstFailing = first;
        this.lastFailing = last;
    }

    void heal() {
        firstFailing = Integer.MAX_VALUE;
    }

    int transactions() {
        return transactions.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(client);
                open.add(upstream);
                Connection connection = new Connection(client, upstream);
                start(connection::requests);
                start(connection::answers);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "fault-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private final class Connection {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean loseAnswer;

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void requests() {
            byte[] buffer = new byte[BUFFER_BYTES];
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    if (contains(buffer, read, TRANSACTION)) {
                        int number = transactions.incrementAndGet();
                        if (number >= firstFailing && number <= lastFailing) {
                            if (fault == Fault.REFUSE) {
                                closeBoth();
                                return;
                            }
                            loseAnswer = true;
                        }
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                closeBoth();
            }
        }

        void answers() {
            byte[] buffer = new byte[BUFFER_BYTES];
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    if (loseAnswer) {
                        closeBoth();
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                closeBoth();
            }
        }

        private void closeBoth() {
            quietly(client);
            quietly(upstream);
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (buffer[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(FaultRelay::quietly);
    }
}
