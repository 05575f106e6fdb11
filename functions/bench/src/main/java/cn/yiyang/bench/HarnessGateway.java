package cn.yiyang.bench;

import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local gateway (every function on one port) as a child process on the harness's stores, with
 * the demo county seeded; the harness speaks real HTTP to it and takes its dev tokens.
 */
final class HarnessGateway implements AutoCloseable {

    static final long START_TIMEOUT_SECONDS = 120;
    private static final String SEEDED = "demo county 330105 seeded";

    private final Process process;
    private final int port;
    private final Path log;

    private HarnessGateway(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static HarnessGateway start(Path jar, HarnessStores stores, Path outDir, List<String> extraProperties) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no local gateway at " + jar + ": build the project first (mvn -B -o install -DskipTests)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = outDir.resolve("local-gateway.log");
        List<String> command = new java.util.ArrayList<>(List.of(LambdaChild.javaCommand(), "-Xmx1g",
                "-Dquarkus.http.port=" + port, "-Dyiyang.demo.seed=true", "-Dquarkus.log.console.json.enabled=false",
                "-Dquarkus.banner.enabled=false"));
        command.addAll(extraProperties);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(outDir.toFile());
        Map<String, String> environment = LambdaChild.cleanEnvironment(builder);
        environment.putAll(stores.childEnvironment());
        // The bank test and the outage run in scenario counties of their own, as the tests do.
        environment.put("YIYANG_COUNTIES", StoresTestResource.SERVED_COUNTIES);
        HarnessGateway gateway = new HarnessGateway(builder.start(), port, log);
        gateway.awaitSeeded();
        return gateway;
    }

    HttpDoor door() {
        return new HttpDoor(port);
    }

    String tokenUrl() {
        return "http://localhost:" + port + "/dev/tokens";
    }

    String faultsUrl() {
        return "http://localhost:" + port + "/dev/faults";
    }

    Path log() {
        return log;
    }

    private void awaitSeeded() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the local gateway exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(tokenUrl() + "?role=officer"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && Files.readString(log).contains(SEEDED)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the local gateway was not ready in " + START_TIMEOUT_SECONDS + " s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        LambdaChild.stop(process);
    }
}
