package cn.yiyang.bench;

import static cn.yiyang.bench.BenchMain.CONSOLE;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import cn.yiyang.bench.FakeLambdaRuntime.Memory;
import cn.yiyang.embedded.LocalStores;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sequential exchange throughput of the time-bank Lambda (JVM mode), beside the DynamoDB calls an
 * exchange makes, issued directly, on the same DynamoDB Local in the same run.
 *
 * <p>One function process is launched as AWS's Java runtime would launch it ({@link LambdaChild})
 * against a fake Lambda Runtime API. Through it, as API Gateway v2 events: an officer raises the
 * county's daily cap to 720 minutes and adds a GOODS item of 1 point with a stock of a million; a
 * volunteer registers and logs {@value #DAYS} days of 720 minutes of service, which the station
 * confirms. Then {@value #WARM_UP} warm-up exchanges and N measured ones, each with its own
 * Idempotency-Key, every answer required to be 201; each is timed from the moment the Runtime API
 * hands out the event to the moment the response is posted.
 *
 * <p>Baselines, from this JVM with its own client ({@link RawExchangeCalls}): N transactions of the
 * exchange's shape, and N times the exchange's reads plus that transaction, over the SDK's URL-connection client as
 * shipped; and N transactions over the functions' HTTP client ({@code DynamoClients.httpClient}, no liveness probe),
 * with an account of their own; each after {@value #WARM_UP} warm-up calls. The four rows take turns in {@value #BLOCKS}
 * blocks. Everything is bounded: each answer by {@code yiyang.bench.answer-timeout-seconds} (default 60) s, the measuring by
 * {@code yiyang.bench.budget-seconds} (default 200) s, the whole run by a watchdog. Arguments: [N] (default 1000, at most
 * {@value #EXCHANGES_MAX}).
 */
public final class TimeBankBenchmark {

    private static final String FUNCTION = "yiyang-time-bank";
    private static final String COUNTY = "330105";
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int DAILY_MINUTES = 720;
    private static final int DAYS = 4;
    /** The points the volunteer earns, one per exchange. */
    private static final int EXCHANGES_MAX = DAYS * DAILY_MINUTES - 200;
    private static final int WARM_UP = 100;
    private static final int BLOCKS = 10;
    /** The measuring's budget; a machine shared with other builds may need more: -Dyiyang.bench.budget-seconds. */
    private static final long BUDGET_SECONDS = Long.getLong("yiyang.bench.budget-seconds", 200);
    /** One answer, the launch's first included; a loaded machine may need more: -Dyiyang.bench.answer-timeout-seconds. */
    private static final long ANSWER_TIMEOUT_SECONDS = Long.getLong("yiyang.bench.answer-timeout-seconds", 60);
    private static final long WATCHDOG_SECONDS = BUDGET_SECONDS + 120;

    private final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
    private final String officer = Tokens.of(COUNTY, "bench-officer", Role.OFFICER);
    private final String volunteerId = "bench-volunteer-" + UUID.randomUUID();
    private final String volunteer = Tokens.of(COUNTY, volunteerId, Role.VOLUNTEER);
    private final Path lambdaJar;
    private final Path outDir;
    private final Path lambdaLog;
    private final int exchanges;
    private LambdaSession lambda;

    private TimeBankBenchmark(Path lambdaJar, Path outDir, int exchanges) {
        this.lambdaJar = lambdaJar;
        this.outDir = outDir;
        this.lambdaLog = outDir.resolve("time-bank-lambda.log");
        this.exchanges = exchanges;
    }

    public static void main(String[] args) {
        BenchMain.run(args, TimeBankBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        int exchanges = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        if (exchanges < 1 || exchanges > EXCHANGES_MAX) {
            throw new IllegalArgumentException("N must be 1 to " + EXCHANGES_MAX + ": the points one volunteer earns here");
        }
        Path jar = BenchMain.runnerJar("yiyang.bench.lambda-jar",
                "functions/time-bank/target/yiyang-time-bank-0.1.0-SNAPSHOT-runner.jar");
        new TimeBankBenchmark(jar, BenchMain.outDir("time-bank"), exchanges).run();
    }

    private void run() throws Exception {
        BenchMain.watchdog(WATCHDOG_SECONDS, () -> {
            if (lambda != null) {
                lambda.kill();
            }
        });
        String endpoint = LocalStores.startIfNeeded().get("yiyang.dynamo.endpoint");
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(FUNCTION);
             DynamoDbClient client = RawOrderCalls.client(endpoint);
             DynamoDbClient functionsClient = RawOrderCalls.functionsClient(endpoint)) {
            // launched as deployed (the managed runtime's JVM options for 1 GB: C1 only), as the cold starts are
            ProcessBuilder builder = LambdaChild.asDeployed(
                    LambdaChild.builder(lambdaJar, FUNCTION, api.address(), endpoint, outDir));
            builder.environment().put("YIYANG_TABLE_PREFIX", RawOrderCalls.TABLE_PREFIX);
            lambda = new LambdaSession(api, lambdaLog, ANSWER_TIMEOUT_SECONDS);
            try {
                lambda.start(builder, List.of(LambdaDoor.eventJson(ApiRequest.of("PUT", "/v1/time-bank/settings", """
                        {"dailyMinutesMax":%d,"recordExpiryDays":14,"storageMinutesMax":90000,"giftMinutesPerYearMax":6000,
                         "volunteerAgeMin":18,"volunteerAgeMax":75,"priorityAgeMin":80}""".formatted(DAILY_MINUTES))
                        .bearer(officer))), 200, deadlineNanos);
                String item = LambdaSession.body(lambda.invoke(List.of(keyed(ApiRequest.post("/v1/time-bank/items",
                        "{\"name\":\"爱心超市兑换券\",\"kind\":\"GOODS\",\"points\":1,\"stock\":1000000}"), officer)), 201,
                        deadlineNanos).get(0)).path("id").asText();
                BenchResidents.writeVolunteerCards(client, COUNTY, List.of(volunteerId), LocalDate.of(1968, 6, 1));
                lambda.invoke(List.of(keyed(ApiRequest.post("/v1/time-bank/volunteers", "{\"name\":\"小张\"}"),
                        volunteer)), 201, deadlineNanos);
                earn(client);
                measure(client, functionsClient, item);
            } finally {
                lambda.stop();
            }
        }
    }

    /** {@value #DAYS} days of {@value #DAILY_MINUTES} minutes, logged and confirmed through the Lambda. */
    private void earn(DynamoDbClient client) throws Exception {
        String resident = BenchResidents.writeCards(client, COUNTY, COUNTY + "001", LocalDate.of(1940, 1, 1), 1).get(0);
        LocalDate today = LocalDate.now(COUNTY_ZONE);
        List<String> logs = new ArrayList<>();
        for (int day = 1; day <= DAYS; day++) {
            LocalDate date = today.minusDays(day + 1);
            logs.add(keyed(ApiRequest.post("/v1/time-bank/service-records", """
                    {"residentId":"%s","serviceType":"COMPANY","start":"%sT06:00:00+08:00","end":"%sT18:00:00+08:00"}"""
                    .formatted(resident, date, date)), volunteer));
        }
        List<String> confirms = new ArrayList<>();
        for (Answer logged : lambda.invoke(logs, 201, deadlineNanos)) {
            confirms.add(keyed(ApiRequest.post("/v1/time-bank/service-records/" + LambdaSession.body(logged).path("id").asText()
                    + "/confirm", "{}"), officer));
        }
        lambda.invoke(confirms, 200, deadlineNanos);
    }

    private void measure(DynamoDbClient client, DynamoDbClient functionsClient, String item) throws Exception {
        List<Answer> warmUp = lambda.invoke(exchangeEvents(item, WARM_UP), 201, deadlineNanos);
        JsonNode template = LambdaSession.body(warmUp.get(0));
        RawExchangeCalls raw = new RawExchangeCalls(client, COUNTY, template.toString(), template.path("id").asText(), item);
        Phase.timed(WARM_UP, deadlineNanos, i -> raw.transaction());
        Phase.timed(WARM_UP, deadlineNanos, i -> raw.readsAndTransaction());
        RawExchangeCalls likeForLike = new RawExchangeCalls(functionsClient, COUNTY, template.toString(),
                template.path("id").asText(), item);
        Phase.timed(WARM_UP, deadlineNanos, i -> likeForLike.transaction());
        raw.forgetSteps();
        long before = balance();

        List<Phase> rows = Phase.interleaved(List.of(
                        "Lambda exchangePoints (POST /v1/time-bank/exchanges as a v2 event, through the Runtime API)",
                        "raw TransactWriteItems (balance Update, stock Update, entry Put, exchange Put, idempotency Put)",
                        "raw BatchGetItem (account, item) + the same TransactWriteItems",
                        "raw TransactWriteItems over the functions' HTTP client (no liveness probe)"),
                List.of((from, to) -> Phase.of(lambda.invoke(exchangeEvents(item, to - from), 201, deadlineNanos)),
                        (from, to) -> Phase.timed(to - from, deadlineNanos, i -> raw.transaction()),
                        (from, to) -> Phase.timed(to - from, deadlineNanos, i -> raw.readsAndTransaction()),
                        (from, to) -> Phase.timed(to - from, deadlineNanos, i -> likeForLike.transaction())),
                exchanges, BLOCKS, deadlineNanos);
        print(rows, Memory.of(lambda.process().pid()), before - balance());
        CONSOLE.println();
        CONSOLE.println("Where the time goes, p50 ms per call in the raw reads + transaction row: " + raw.steps().entrySet().stream()
                .map(step -> String.format("%s %.2f", step.getKey(), Stats.percentile(step.getValue(), 50)))
                .collect(Collectors.joining(", ")) + ".");
        lambda.printInside(RawExchangeCalls.ROUTE_KEY, 201, rows.get(0));
    }

    /** The volunteer's balance as the Lambda answers it. */
    private long balance() throws Exception {
        return LambdaSession.body(lambda.invoke(List.of(LambdaDoor.eventJson(
                ApiRequest.get("/v1/time-bank/accounts/" + volunteerId).bearer(volunteer))), 200, Long.MAX_VALUE).get(0))
                .path("balance").asLong();
    }

    private List<String> exchangeEvents(String item, int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(keyed(ApiRequest.post("/v1/time-bank/exchanges", "{\"itemId\":\"" + item + "\"}"), volunteer));
        }
        return events;
    }

    private static String keyed(ApiRequest request, String token) {
        return LambdaDoor.eventJson(request.bearer(token).idempotencyKey("bench-" + UUID.randomUUID()));
    }

    private void print(List<Phase> phases, Memory lambdaMemory, long spentThroughLambda) {
        CONSOLE.println();
        CONSOLE.println("## Time-bank exchanges, one at a time: the time-bank Lambda (JVM mode) vs. its own DynamoDB calls");
        CONSOLE.println();
        CONSOLE.printf("%d exchanges per row after %d warm-up exchanges per row (not counted), one at a time, the rows taking "
                        + "turns in %d blocks, on one DynamoDB Local (in memory, in the bench JVM); %d CPUs, %d MB RAM, Java %s.%n",
                exchanges, WARM_UP, BLOCKS, Runtime.getRuntime().availableProcessors(), BenchMain.totalMemoryMb(),
                System.getProperty("java.version"));
        CONSOLE.println("Exchange: a volunteer exchanges 1 point for a GOODS item, one Idempotency-Key each; every answer 201.");
        CONSOLE.println("Lambda: one JVM (`java " + LambdaChild.GC_FLAG + "`, " + LambdaJavaRuntime.class.getSimpleName()
                + " + " + LambdaChild.HANDLER + ", " + lambdaJar.getFileName() + "); time from the fake Runtime API handing out "
                + "the event to the response POST; exchanges/s over first hand-out to last response of each block.");
        CONSOLE.println("Raw: this JVM, its own client (the SDK's JDK URL connection, as shipped; the last row over the "
                + "functions' HTTP client, DynamoClients.httpClient, as the function's); time around the calls; "
                + "exchanges/s over the loops' wall time.");
        CONSOLE.println();
        Phase.printTable("exchanges", phases, BUDGET_SECONDS);
        Phase.printRatios(phases, List.of("Lambda / raw TransactWriteItems", "Lambda / raw reads + transaction",
                "Lambda / raw TransactWriteItems over the functions' HTTP client"));
        CONSOLE.printf("Points the counted Lambda exchanges took from the volunteer's balance: %d (counted: %d).%n",
                spentThroughLambda, phases.get(0).millis().length);
        CONSOLE.printf("Lambda process at the end: RSS %.0f MB, peak %.0f MB.%n", lambdaMemory.rssKb() / 1024.0,
                lambdaMemory.hwmKb() / 1024.0);
        CONSOLE.println("Child output: " + lambdaLog + "; stores: " + outDir.resolve("stores.log"));
    }
}
