package cn.yiyang.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of the AWS Lambda Runtime API for one function process at a time: each {@link Run}
 * hands out its events on {@code /invocation/next}, one by one, and records when each was handed
 * out and when its answer arrived (with the process's memory at that moment, if a pid is set).
 * Once a run's events are handed out, further {@code next} calls are held (as on AWS) until the
 * run is over or another run is armed for the same, still running, process.
 */
final class FakeLambdaRuntime implements AutoCloseable {

    private static final String NEXT = "/2018-06-01/runtime/invocation/next";
    private static final String INVOCATION = "/2018-06-01/runtime/invocation/";
    private static final String INIT_ERROR = "/2018-06-01/runtime/init/error";
    private static final long HOLD_NEXT_SECONDS = 120;
    private static final long HOLD_POLL_MILLIS = 200;

    /** What the function posted back for one invocation, and when the invocation was handed out. */
    /** {@code cpuMillis}: the process's CPU time (user + system, all threads) when the answer arrived; -1 unknown. */
    record Answer(boolean error, String body, long handedOutNanos, long receivedNanos, Memory memory, double cpuMillis) {

        double millis() {
            return (receivedNanos - handedOutNanos) / 1e6;
        }
    }

    /** VmRSS and VmHWM of a process, in kB, from /proc/{pid}/status. */
    record Memory(long rssKb, long hwmKb) {

        static Memory of(long pid) {
            try {
                long rss = -1;
                long hwm = -1;
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = kb(line);
                    } else if (line.startsWith("VmHWM:")) {
                        hwm = kb(line);
                    }
                }
                return new Memory(rss, hwm);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the memory of process " + pid, e);
            }
        }

        private static long kb(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
    }

    /** The invocations handed to one function process. */
    static final class Run {
        private final Deque<String> pendingIds = new ArrayDeque<>();
        private final Map<String, String> events = new LinkedHashMap<>();
        private final Map<String, CompletableFuture<Answer>> answers = new LinkedHashMap<>();
        private final Map<String, Long> handedOut = new java.util.concurrent.ConcurrentHashMap<>();
        private final CountDownLatch over = new CountDownLatch(1);
        private volatile long pid;

        private Run(List<String> eventJsons) {
            for (String event : eventJsons) {
                String id = UUID.randomUUID().toString();
                pendingIds.add(id);
                events.put(id, event);
                answers.put(id, new CompletableFuture<>());
            }
        }

        void pid(long pid) {
            this.pid = pid;
        }

        /** One future per event, in the order the events are handed out. */
        List<CompletableFuture<Answer>> answers() {
            return new ArrayList<>(answers.values());
        }

        /** Releases any held {@code next} call. */
        void end() {
            over.countDown();
        }

        /** Hands out nothing more: the events not yet taken are never answered. */
        synchronized int stopHandingOut() {
            int left = pendingIds.size();
            pendingIds.clear();
            return left;
        }

        private synchronized String takeNextId() {
            return pendingIds.poll();
        }

        private void fail(String why) {
            answers.values().forEach(f -> f.completeExceptionally(new IllegalStateException(why)));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final String functionName;
    private final Object armed = new Object();
    private volatile Run current;

    private FakeLambdaRuntime(HttpServer server, ExecutorService threads, String functionName) {
        this.server = server;
        this.threads = threads;
        this.functionName = functionName;
    }

    static {
        // The JDK server writes a response's headers and body in two packets; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK of the headers (40 ms on Linux), a stall AWS's Runtime API never adds.
        // Read once, when the first server is made: set before any.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static FakeLambdaRuntime start(String functionName) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-lambda-runtime");
            thread.setDaemon(true);
            return thread;
        });
        FakeLambdaRuntime runtime = new FakeLambdaRuntime(server, threads, functionName);
        server.createContext("/", runtime::handle);
        server.setExecutor(threads);
        server.start();
        return runtime;
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The next process to start, or the one running (its held {@code next} call included), receives these events. */
    Run arm(List<String> eventJsons) {
        Run run = new Run(eventJsons);
        synchronized (armed) {
            current = run;
            armed.notifyAll();
        }
        return run;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Run run = current;
            if (run == null) {
                reply(exchange, 404, "");
            } else if (path.equals(NEXT)) {
                next(exchange);
            } else if (path.equals(INIT_ERROR)) {
                run.fail("the function failed to initialise: " + body(exchange));
                reply(exchange, 202, "{}");
            } else if (path.startsWith(INVOCATION) && (path.endsWith("/response") || path.endsWith("/error"))) {
                long received = System.nanoTime();
                Memory memory = run.pid > 0 ? Memory.of(run.pid) : null;
                double cpu = run.pid > 0 ? ProcessCpu.millis(run.pid) : -1;
                String id = path.substring(INVOCATION.length(), path.lastIndexOf('/'));
                CompletableFuture<Answer> answer = run.answers.get(id);
                if (answer != null) {
                    answer.complete(new Answer(path.endsWith("/error"), body(exchange), run.handedOut.get(id), received, memory,
                            cpu));
                }
                reply(exchange, 202, "{}");
            } else {
                reply(exchange, 404, "");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("fake Lambda runtime API: " + exchange.getRequestURI() + ": " + e);
            throw e;
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD_NEXT_SECONDS);
        Run run = current;
        String id = run.takeNextId();
        while (id == null) {
            // Nothing to hand out: hold the call like AWS does, until the process is stopped or
            // another run is armed for it.
            try {
                synchronized (armed) {
                    if (current == run && run.over.getCount() > 0 && System.nanoTime() < until) {
                        armed.wait(HOLD_POLL_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (current == run && (run.over.getCount() == 0 || System.nanoTime() >= until)) {
                return;
            }
            run = current;
            id = run.takeNextId();
        }
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", id);
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws-cn:lambda:cn-northwest-1:000000000000:function:" + functionName);
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        run.handedOut.put(id, System.nanoTime());
        reply(exchange, 200, run.events.get(id));
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        Run run = current;
        if (run != null) {
            run.end();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
