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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sequential order throughput of the meal-orders Lambda (JVM mode), beside the DynamoDB calls an
 * order makes, issued directly, on the same DynamoDB Local in the same run.
 *
 * <p>One function process is launched as AWS's Java runtime would launch it ({@link LambdaChild})
 * against a fake Lambda Runtime API. Through it, as API Gateway v2 events: an officer creates a
 * meal point (LUNCH, {@value #SEATS} dine-in seats, the most a point may have), publishes
 * tomorrow's menu and a subsidy policy without weekly or monthly caps. The benchmark then writes
 * resident cards (70 years old, so every order is subsidised) as the residents function would,
 * places {@value #WARM_UP} warm-up orders, then N orders for tomorrow's lunch, one per resident,
 * each with its own Idempotency-Key, DINE_IN, one dish, every answer required to be 201. Each is
 * timed from the moment the Runtime API hands out the event to the moment the response is posted.
 *
 * <p>Baselines, from this JVM with its own client ({@link RawOrderCalls}): N transactions of the
 * order's shape, and N times the order's reads plus that transaction, for the same residents on later dates so that no condition fails; each after
 * {@value #WARM_UP} warm-up calls. Those two use the SDK's URL-connection client as shipped; a third row sends the
 * same transactions over the functions' HTTP client ({@code DynamoClients.httpClient}, no liveness probe before a
 * warm POST), the like-for-like floor. The four rows take turns in {@value #BLOCKS} blocks, so that
 * other load on the machine weighs on all of them alike. Everything is bounded: each answer by
 * {@code yiyang.bench.answer-timeout-seconds} (default 60) s, the whole run by {@code yiyang.bench.budget-seconds} (default 200) s (no new block
 * starts when too little is left). Arguments: [N] (default 1000, at most {@value #SEATS} − {@value #WARM_UP}).
 */
public final class MealOrderBenchmark {

    private static final String FUNCTION = "yiyang-meal-orders";
    private static final String COUNTY = "330105";
    private static final String OPERATOR = "bench-operator";
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    /** MealPointService.SEATS_MAX: the seats of one mode of one slot. */
    private static final int SEATS = 5_000;
    private static final int WARM_UP = 100;
    private static final int RESIDENT_AGE = 70;
    /** The measuring's budget; a machine shared with other builds may need more: -Dyiyang.bench.budget-seconds. */
    private static final long BUDGET_SECONDS = Long.getLong("yiyang.bench.budget-seconds", 200);
    /** The measured orders go in this many blocks, each through the three rows in turn. */
    private static final int BLOCKS = 10;
    /** One answer, the launch's first included; a loaded machine may need more: -Dyiyang.bench.answer-timeout-seconds. */
    private static final long ANSWER_TIMEOUT_SECONDS = Long.getLong("yiyang.bench.answer-timeout-seconds", 60);
    /** OrderStepTimes.LINE (meal-orders logs it per placed order when YIYANG_MEAL_ORDER_STEP_TIMES is set). */
    private static final String STEP_LINE = "meal order step times (us):";
    private static final Pattern STEP = Pattern.compile("([a-z_]+)=([0-9]+)");
    private static final String POLICY = """
            {"ageBands":[{"fromAge":60,"toAge":79,"subsidyFen":300},{"fromAge":80,"toAge":89,"subsidyFen":500},
                         {"fromAge":90,"subsidyFen":800}],
             "categorySubsidyFen":{"DIBAO":600,"SHINENG":600},"freeCategories":["TEKUN"]}""";

    private final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
    private final LocalDate tomorrow = LocalDate.now(COUNTY_ZONE).plusDays(1);
    private final String officer = Tokens.of(COUNTY, "bench-officer", Role.OFFICER);
    private final String operator = Tokens.of(COUNTY, OPERATOR, Role.OPERATOR);
    private final Path lambdaJar;
    private final Path outDir;
    private final Path lambdaLog;
    private final int orders;
    private LambdaSession lambda;

    private MealOrderBenchmark(Path lambdaJar, Path outDir, int orders) {
        this.lambdaJar = lambdaJar;
        this.outDir = outDir;
        this.lambdaLog = outDir.resolve("meal-orders-lambda.log");
        this.orders = orders;
    }

    public static void main(String[] args) {
        BenchMain.run(args, MealOrderBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        if (orders < 1 || orders + WARM_UP > SEATS) {
            throw new IllegalArgumentException("N must be 1 to " + (SEATS - WARM_UP) + ": one point has at most "
                    + SEATS + " dine-in seats per slot");
        }
        Path jar = BenchMain.runnerJar("yiyang.bench.lambda-jar",
                "functions/meal-orders/target/yiyang-meal-orders-0.1.0-SNAPSHOT-runner.jar");
        new MealOrderBenchmark(jar, BenchMain.outDir("meal-orders"), orders).run();
    }

    private void run() throws Exception {
        String endpoint = LocalStores.startIfNeeded().get("yiyang.dynamo.endpoint");
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(FUNCTION);
             DynamoDbClient client = RawOrderCalls.client(endpoint);
             DynamoDbClient functionsClient = RawOrderCalls.functionsClient(endpoint)) {
            // launched as deployed (the managed runtime's JVM options for 1 GB: C1 only), as the cold starts are
            ProcessBuilder builder = LambdaChild.asDeployed(
                    LambdaChild.builder(lambdaJar, FUNCTION, api.address(), endpoint, outDir));
            builder.environment().put("YIYANG_TABLE_PREFIX", RawOrderCalls.TABLE_PREFIX);
            builder.environment().put("YIYANG_MEAL_ORDER_STEP_TIMES", "true");
            lambda = new LambdaSession(api, lambdaLog, ANSWER_TIMEOUT_SECONDS);
            String pointEvent = officerEvent(ApiRequest.post("/v1/meal-points", pointBody()));
            try {
                String pointId = LambdaSession.body(lambda.start(builder, List.of(pointEvent), 201, deadlineNanos).get(0))
                        .path("id").asText();
                lambda.invoke(List.of(officerEvent(ApiRequest.of("PUT", "/v1/meal-points/" + pointId + "/menus/" + tomorrow,
                        "{\"dishes\":[{\"code\":\"A1\",\"name\":\"红烧鱼套餐\",\"priceFen\":1200},"
                                + "{\"code\":\"B2\",\"name\":\"素菜套餐\",\"priceFen\":800}]}"))), 200, deadlineNanos);
                lambda.invoke(List.of(officerEvent(ApiRequest.post("/v1/meal-policies", POLICY))), 201, deadlineNanos);
                measure(client, functionsClient, pointId, BenchResidents.writeCards(client, COUNTY, COUNTY + "001",
                        tomorrow.minusYears(RESIDENT_AGE).minusDays(10), WARM_UP + orders));
            } finally {
                lambda.stop();
            }
        }
    }

    private void measure(DynamoDbClient client, DynamoDbClient functionsClient, String pointId, List<String> residents)
            throws Exception {
        List<Answer> warmUp = lambda.invoke(orderEvents(residents.subList(0, WARM_UP), pointId), 201, deadlineNanos);
        JsonNode template = LambdaSession.body(warmUp.get(0));
        if (template.path("subsidyFen").asLong() <= 0 || template.path("weeklyCapCounted").asBoolean()
                || template.path("monthlyCapCounted").asBoolean()) {
            throw new IllegalStateException("the order's transaction is not seat + order + claim (+ idempotency record): "
                    + template);
        }
        RawOrderCalls.Setting setting = new RawOrderCalls.Setting(COUNTY, pointId, SEATS, OPERATOR, tomorrow);
        RawOrderCalls raw = new RawOrderCalls(client, setting, template.toString(), template.path("id").asText(),
                template.path("residentId").asText());
        RawOrderCalls likeForLike = new RawOrderCalls(functionsClient, setting, template.toString(),
                template.path("id").asText(), template.path("residentId").asText());
        LocalDate transactionDate = tomorrow.plusDays(1);
        LocalDate readsDate = tomorrow.plusDays(2);
        LocalDate likeForLikeDate = tomorrow.plusDays(3);
        List<String> measured = residents.subList(WARM_UP, WARM_UP + orders);
        Phase.timed(WARM_UP, deadlineNanos, i -> raw.transaction(residents.get(i), transactionDate));
        Phase.timed(WARM_UP, deadlineNanos, i -> raw.readsAndTransaction(residents.get(i), readsDate));
        Phase.timed(WARM_UP, deadlineNanos, i -> likeForLike.transaction(residents.get(i), likeForLikeDate));
        raw.forgetSteps();
        double cpuMark = ProcessCpu.millis(lambda.process().pid());
        Map<ProcessCpu.ThreadKind, Double> threadsMark = ProcessCpu.byThreadKind(lambda.process().pid());

        List<Phase> rows = Phase.interleaved(List.of(
                        "Lambda placeOrder (POST /v1/meal-orders as a v2 event, through the Runtime API)",
                        "raw TransactWriteItems (seat Update, order Put, claim Put, idempotency Put)",
                        "raw BatchGetItem (card + 6 items) + the same TransactWriteItems",
                        "raw TransactWriteItems over the functions' HTTP client (no liveness probe)"),
                List.of((from, to) -> Phase.of(lambda.invoke(orderEvents(measured.subList(from, to), pointId), 201,
                                deadlineNanos)),
                        (from, to) -> Phase.timed(to - from, deadlineNanos, i -> raw.transaction(measured.get(from + i),
                                transactionDate)),
                        (from, to) -> Phase.timed(to - from, deadlineNanos,
                                i -> raw.readsAndTransaction(measured.get(from + i), readsDate)),
                        (from, to) -> Phase.timed(to - from, deadlineNanos,
                                i -> likeForLike.transaction(measured.get(from + i), likeForLikeDate))),
                orders, BLOCKS, deadlineNanos);
        double cpuMillis = ProcessCpu.millis(lambda.process().pid()) - cpuMark;
        Map<ProcessCpu.ThreadKind, Double> threads = ProcessCpu.since(threadsMark, ProcessCpu.byThreadKind(lambda.process().pid()));
        print(rows, Memory.of(lambda.process().pid()), raw.seatsTaken(tomorrow));
        printWhereTheTimeGoes(rows.get(0), raw.steps(), cpuMillis, threads);
    }

    private List<String> orderEvents(List<String> residents, String pointId) {
        return residents.stream().map(resident -> LambdaDoor.eventJson(ApiRequest.post("/v1/meal-orders", """
                {"residentId":"%s","mealPointId":"%s","date":"%s","slot":"LUNCH","mode":"DINE_IN",\
                "items":[{"dishCode":"A1","quantity":1}]}""".formatted(resident, pointId, tomorrow))
                .bearer(operator).idempotencyKey("order-" + UUID.randomUUID()))).toList();
    }

    private String officerEvent(ApiRequest request) {
        return LambdaDoor.eventJson(request.bearer(officer).idempotencyKey("bench-" + UUID.randomUUID()));
    }

    private static String pointBody() {
        return """
                {"name":"文三社区助餐点","address":"文三路 88 号","streetCode":"%s001","operatorName":"西湖颐乐餐饮",
                 "openDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                 "slots":{"LUNCH":{"cutoff":"10:30","endsAt":"13:00","dineInSeats":%d,"deliverySeats":0}}}"""
                .formatted(COUNTY, SEATS);
    }

    private void print(List<Phase> phases, Memory lambdaMemory, long seatsTaken) {
        Phase lambdaPhase = phases.get(0);
        CONSOLE.println();
        CONSOLE.println("## Meal orders, one at a time: the meal-orders Lambda (JVM mode) vs. its own DynamoDB calls");
        CONSOLE.println();
        CONSOLE.printf("%d orders per row after %d warm-up orders per row (not counted), one at a time, the rows taking "
                        + "turns in %d blocks, on one DynamoDB Local (in memory, in the bench JVM); %d CPUs, %d MB RAM, Java %s.%n",
                orders, WARM_UP, BLOCKS,
                Runtime.getRuntime().availableProcessors(), BenchMain.totalMemoryMb(), System.getProperty("java.version"));
        CONSOLE.printf("Order: an operator orders DINE_IN lunch for %s, one dish (¥12), for a %d-year-old resident "
                + "(subsidy ¥3, policy without caps), one Idempotency-Key each; every answer 201.%n", tomorrow, RESIDENT_AGE);
        CONSOLE.println("Lambda: one JVM (`java " + LambdaChild.GC_FLAG + "`, " + LambdaJavaRuntime.class.getSimpleName()
                + " + " + LambdaChild.HANDLER + ", " + lambdaJar.getFileName() + "); time from the fake Runtime API handing out "
                + "the event to the response POST; orders/s over first hand-out to last response of each block (includes the runtime's polls).");
        CONSOLE.println("Raw: this JVM, its own client (the SDK's JDK URL connection, as shipped; the last row over the "
                + "functions' HTTP client, DynamoClients.httpClient, as the function's); time around the calls; "
                + "orders/s over the loops' wall time.");
        CONSOLE.println();
        Phase.printTable("orders", phases, BUDGET_SECONDS);
        Phase.printRatios(phases, List.of("Lambda / raw TransactWriteItems", "Lambda / raw reads + transaction",
                "Lambda / raw TransactWriteItems over the functions' HTTP client"));
        CONSOLE.printf("Seats taken through the Lambda for %s: %d (warm-up + counted orders: %d).%n", tomorrow, seatsTaken,
                WARM_UP + lambdaPhase.millis().length);
        CONSOLE.printf("Lambda process at the end: RSS %.0f MB, peak %.0f MB.%n", lambdaMemory.rssKb() / 1024.0,
                lambdaMemory.hwmKb() / 1024.0);
        CONSOLE.println("Child output: " + lambdaLog + "; stores: " + outDir.resolve("stores.log"));
    }

    /**
     * Per call of the raw reads + transaction row; the function's own steps per counted order, from the
     * line meal-orders logs for each (OrderStepTimes: each step from the end of the one before, µs); and
     * the function's own time per order from its log.
     */
    private void printWhereTheTimeGoes(Phase lambdaPhase, Map<String, double[]> steps, double lambdaCpuMillis,
                                       Map<ProcessCpu.ThreadKind, Double> lambdaThreads) throws IOException {
        CONSOLE.println();
        CONSOLE.println("Where the time goes, p50 ms per call in the raw reads + transaction row: " + steps.entrySet().stream()
                .map(step -> String.format("%s %.2f", step.getKey(), Stats.percentile(step.getValue(), 50)))
                .collect(Collectors.joining(", ")) + ".");
        Map<String, double[]> inside = functionSteps(lambdaPhase.millis().length);
        CONSOLE.println("Inside the function, p50 ms per counted order (" + inside.values().stream().findFirst()
                .map(millis -> millis.length).orElse(0) + " orders; each step from the end of the one before; door is the "
                + "dispatcher's receipt to the operation, transaction the idempotency record and TransactWriteItems): "
                + inside.entrySet().stream()
                .map(step -> String.format("%s %.2f", step.getKey(), Stats.percentile(step.getValue(), 50)))
                .collect(Collectors.joining(", ")) + ".");
        lambda.printInside(RawOrderCalls.ROUTE_KEY, 201, lambdaPhase);
        int counted = lambdaPhase.millis().length;
        CONSOLE.printf("The Lambda process's CPU (all its threads: the handler's, the JIT compilers', GC; /proc) over the "
                + "measured rows: %.1f ms per counted order; by threads: %s.%n", lambdaCpuMillis / counted,
                lambdaThreads.entrySet().stream()
                        .map(kind -> String.format("%s %.1f", kind.getKey(), kind.getValue() / counted))
                        .collect(Collectors.joining(", ")));
    }

    /** The last {@code count} step lines of the function's log, by step: milliseconds per order. */
    private Map<String, double[]> functionSteps(int count) throws IOException {
        List<String> logged = Files.readAllLines(lambdaLog).stream().filter(line -> line.contains(STEP_LINE)).toList();
        List<String> lines = logged.subList(Math.max(0, logged.size() - count), logged.size());
        Map<String, double[]> steps = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher step = STEP.matcher(lines.get(i).substring(lines.get(i).indexOf(STEP_LINE)));
            while (step.find()) {
                steps.computeIfAbsent(step.group(1), name -> new double[lines.size()])[i] = Long.parseLong(step.group(2)) / 1000.0;
            }
        }
        return steps;
    }
}
