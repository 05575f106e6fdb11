package cn.yiyang.bench;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One function process fed by the fake Runtime API for a whole benchmark: events handed to it one
 * by one, each answer awaited (bounded) and required to carry the expected status.
 */
final class LambdaSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeLambdaRuntime api;
    private final Path log;
    private final long answerTimeoutSeconds;
    private volatile Process process;

    LambdaSession(FakeLambdaRuntime api, Path log, long answerTimeoutSeconds) {
        this.api = api;
        this.log = log;
        this.answerTimeoutSeconds = answerTimeoutSeconds;
    }

    /** Starts the process (output to the log) with its first events, and returns their answers. */
    List<Answer> start(ProcessBuilder builder, List<String> firstEvents, int status, long untilNanos) throws Exception {
        builder.redirectOutput(log.toFile());
        FakeLambdaRuntime.Run first = api.arm(firstEvents);
        process = builder.start();
        return await(first, status, untilNanos, Math.max(answerTimeoutSeconds, HarnessColdStarts.LAUNCH_TIMEOUT_SECONDS));
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    void stop() throws InterruptedException {
        if (process != null) {
            LambdaChild.stop(process);
        }
    }

    /** Kills the process at once, if started: for a watchdog, which cannot wait. */
    void kill() {
        Process started = process;
        if (started != null) {
            started.destroyForcibly();
        }
    }

    /** Hands the events to the running Lambda one by one, each answer required to have the status. */
    List<Answer> invoke(List<String> events, int status, long untilNanos) throws Exception {
        return await(api.arm(events), status, untilNanos, answerTimeoutSeconds);
    }

    /** The answers in order; once {@code untilNanos} has passed, no further event is handed out. */
    private List<Answer> await(FakeLambdaRuntime.Run run, int status, long untilNanos, long timeoutSeconds) throws Exception {
        List<CompletableFuture<Answer>> futures = run.answers();
        List<Answer> answers = new ArrayList<>();
        int handedOut = futures.size();
        for (int i = 0; i < handedOut; i++) {
            if (handedOut == futures.size() && System.nanoTime() > untilNanos) {
                handedOut -= run.stopHandingOut();
                if (i >= handedOut) {
                    break;
                }
            }
            // the first answer after a launch waits as long as a launch may take (a loaded machine starts slowly)
            Answer answer = LambdaChild.await(futures.get(i), process, log, i == 0 ? timeoutSeconds : answerTimeoutSeconds);
            LambdaChild.expectStatus(answer, status, log);
            answers.add(answer);
        }
        return answers;
    }

    /**
     * The function's own time for the row's answers (the last ones of the route in its log, as
     * ApiDispatcher.handle logs them, whole ms) against the row's p50 measured outside.
     */
    void printInside(String route, int status, Phase lambdaRow) throws IOException {
        double[] inside = insideMillis(route, status, lambdaRow.millis().length);
        BenchMain.CONSOLE.printf("Inside the function (ApiDispatcher.handle, as its own log line says, whole ms) for the counted "
                        + "calls: p50 %.0f, p99 %.0f, max %.0f; the rest of the Lambda's p50 (Runtime API round trip, Funqy reading "
                        + "the event and writing the response) ≈ %.1f ms.%n", Stats.percentile(inside, 50),
                Stats.percentile(inside, 99), Stats.max(inside), lambdaRow.p50() - Stats.percentile(inside, 50));
    }

    /** The function's own times (whole ms) for the last {@code count} answers of the route, from its log. */
    double[] insideMillis(String route, int status, int count) throws IOException {
        String logged = "\"" + route + " -> " + status + " in ";
        List<String> lines = Files.readAllLines(log).stream().filter(line -> line.contains(logged)).toList();
        return lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(logged) + logged.length())
                        .replaceAll("^([0-9]+) ms.*", "$1"))).toArray();
    }

    /** The JSON body of the v2 response. */
    static JsonNode body(Answer answer) throws Exception {
        return JSON.readTree(JSON.readTree(answer.body()).path("body").asText());
    }
}
