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
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sequential booking throughput of the service-bookings Lambda (JVM mode), beside the capacity
 * reservation it makes, issued directly on the same embedded PostgreSQL in the same run.
 *
 * <p>One function process is launched as AWS's Java runtime would launch it ({@link LambdaChild})
 * against a fake Lambda Runtime API, pointed at the embedded PostgreSQL and DynamoDB Local. Through
 * it, as API Gateway v2 events: an officer installs the default services and registers one provider
 * serving one street with CLEAN, {@value #CAPACITY} bookings per hourly window (the most allowed).
 * The benchmark writes one resident card per booking on that street (as the residents function
 * publishes them), then an operator books {@value #WARM_UP} warm-up visits and N counted ones, CLEAN,
 * each with its own Idempotency-Key, every answer required to be 201. Booking i starts on the hour,
 * {@value #FIRST_HOUR}:00 to {@value #LAST_HOUR}:00 on day 1 to {@value #DAYS} from tomorrow (Asia/Shanghai), round
 * robin, so no window comes near its capacity.
 *
 * <p>Baselines ({@link RawBookingCalls}), from this JVM with the Vert.x reactive pg client: the same
 * window insert-on-conflict plus guarded UPDATE in one transaction per booking, and that plus the
 * booking row's insert, each on a provider of its own with the same schedule of windows, after
 * {@value #WARM_UP} warm-up calls. The three rows take turns in {@value #BLOCKS} blocks. Everything is
 * bounded: each answer by {@value #ANSWER_TIMEOUT_SECONDS} s, the measuring by {@value #BUDGET_SECONDS} s (no new block
 * starts when too little is left), and the whole run by a watchdog at {@value #WATCHDOG_SECONDS} s.
 * Arguments: [N] (default 500).
 */
public final class BookingBenchmark {

    private static final String FUNCTION = "yiyang-service-bookings";
    private static final String COUNTY = "330105";
    /** The baselines' providers live here, so that the Lambda's provider look-up never sees them. */
    private static final String RAW_COUNTY = "330106";
    private static final String STREET = COUNTY + "001";
    private static final String SERVICE = "CLEAN";
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    /** ProviderService.WINDOW_CAPACITY_MAX. */
    private static final int CAPACITY = 1000;
    private static final int FIRST_HOUR = 8;
    private static final int LAST_HOUR = 17;
    /** BookingService.DAYS_AHEAD_MAX is 30: the last day used stays a day inside it. */
    private static final int DAYS = 28;
    private static final int WARM_UP = 50;
    private static final int BLOCKS = 10;
    private static final long BUDGET_SECONDS = 170;
    private static final long ANSWER_TIMEOUT_SECONDS = 30;
    /** Past the budget, the time the last block, the clean-up and the report may take before the watchdog ends the run. */
    private static final long WATCHDOG_SECONDS = BUDGET_SECONDS + 2 * ANSWER_TIMEOUT_SECONDS;
    private static final LocalDate BIRTH = LocalDate.of(1940, 6, 1);
    /** BookingStepTimes.LINE, and one step's name and microseconds on it. */
    private static final String STEP_LINE = "booking step times (us):";
    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("([a-z_]+)=([0-9]+)");

    private final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
    private final LocalDate today = LocalDate.now(COUNTY_ZONE);
    private final String officer = Tokens.of(COUNTY, "bench-officer", Role.OFFICER);
    private final String operator = Tokens.of(COUNTY, "bench-operator", Role.OPERATOR);
    private final Path lambdaJar;
    private final Path outDir;
    private final int bookings;
    private volatile LambdaSession lambda;

    private BookingBenchmark(Path lambdaJar, Path outDir, int bookings) {
        this.lambdaJar = lambdaJar;
        this.outDir = outDir;
        this.bookings = bookings;
    }

    public static void main(String[] args) {
        BenchMain.run(args, BookingBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int windows = (LAST_HOUR - FIRST_HOUR + 1) * DAYS;
        if (bookings < 1 || WARM_UP + bookings > windows * CAPACITY) {
            throw new IllegalArgumentException("N must be 1 to " + (windows * CAPACITY - WARM_UP));
        }
        Path jar = BenchMain.runnerJar("yiyang.bench.lambda-jar",
                "functions/service-bookings/target/yiyang-service-bookings-0.1.0-SNAPSHOT-runner.jar");
        new BookingBenchmark(jar, BenchMain.outDir("service-bookings"), bookings).run();
    }

    private void run() throws Exception {
        BenchMain.watchdog(WATCHDOG_SECONDS, () -> {
            if (lambda != null) {
                lambda.kill();
            }
        });
        Map<String, String> stores = LocalStores.startIfNeeded();
        String endpoint = stores.get("yiyang.dynamo.endpoint");
        try (FakeLambdaRuntime api = FakeLambdaRuntime.start(FUNCTION);
             DynamoDbClient client = RawOrderCalls.client(endpoint)) {
            // launched as deployed (the managed runtime's JVM options for 1 GB: C1 only), as the cold starts are
            ProcessBuilder builder = LambdaChild.asDeployed(
                    LambdaChild.builder(lambdaJar, FUNCTION, api.address(), endpoint, outDir));
            LambdaChild.usePostgres(builder, stores);
            builder.environment().put("YIYANG_TABLE_PREFIX", RawOrderCalls.TABLE_PREFIX);
            builder.environment().put("YIYANG_BOOKING_STEP_TIMES", "true");
            lambda = new LambdaSession(api, outDir.resolve("service-bookings-lambda.log"), ANSWER_TIMEOUT_SECONDS);
            try {
                lambda.start(builder, List.of(officerEvent(ApiRequest.post("/v1/services/defaults", "{}"))), 201,
                        deadlineNanos);
                String providerId = LambdaSession.body(lambda.invoke(List.of(officerEvent(ApiRequest.post("/v1/providers", """
                        {"name":"西湖颐康居家服务中心","streets":["%s"],"services":["%s"],"windowCapacity":%d}"""
                        .formatted(STREET, SERVICE, CAPACITY)))), 201, deadlineNanos).get(0)).path("id").asText();
                List<String> residents = BenchResidents.writeCards(client, COUNTY, STREET, BIRTH, WARM_UP + bookings);
                try (RawBookingCalls raw = new RawBookingCalls(stores, CAPACITY)) {
                    measure(raw, UUID.fromString(providerId), residents);
                }
            } finally {
                lambda.stop();
            }
        }
    }

    private void measure(RawBookingCalls raw, UUID providerId, List<String> residents) throws Exception {
        List<Answer> warmUp = lambda.invoke(bookingEvents(residents, 0, WARM_UP), 201, deadlineNanos);
        JsonNode template = LambdaSession.body(warmUp.get(0));
        if (!providerId.toString().equals(template.path("providerId").asText()) || template.path("subsidyFen").asLong() != 0
                || !SERVICE.equals(template.path("serviceCode").asText())) {
            throw new IllegalStateException("the booking is not a CLEAN visit, without subsidy, with the bench's provider: "
                    + template);
        }
        RawBookingCalls.BookingShape shape = new RawBookingCalls.BookingShape(COUNTY, SERVICE,
                template.path("durationMinutes").asInt(), template.path("priceFen").asLong(), template.path("address").asText(),
                template.path("channel").asText(), template.path("bookedBy").asText());
        UUID reserveOnly = raw.provider(RAW_COUNTY, "bench reservation only");
        UUID withBooking = raw.provider(RAW_COUNTY, "bench reservation and booking row");
        Phase.timed(WARM_UP, deadlineNanos, i -> raw.reserve(reserveOnly, startsAt(i)));
        Phase.timed(WARM_UP, deadlineNanos, i -> raw.reserveAndRecord(withBooking, startsAt(i), residents.get(i), shape));

        List<Phase> rows = Phase.interleaved(List.of(
                        "Lambda bookService (POST /v1/bookings as a v2 event, through the Runtime API)",
                        "plain reservation (1 tx: window insert on conflict do nothing + guarded UPDATE)",
                        "plain reservation + booking row insert (1 tx)"),
                List.of((from, to) -> Phase.of(lambda.invoke(bookingEvents(residents, WARM_UP + from, WARM_UP + to), 201,
                                deadlineNanos)),
                        (from, to) -> Phase.timed(to - from, deadlineNanos,
                                i -> raw.reserve(reserveOnly, startsAt(WARM_UP + from + i))),
                        (from, to) -> Phase.timed(to - from, deadlineNanos, i -> raw.reserveAndRecord(withBooking,
                                startsAt(WARM_UP + from + i), residents.get(WARM_UP + from + i), shape))),
                bookings, BLOCKS, deadlineNanos);
        Memory memory = Memory.of(lambda.process().pid());
        print(rows, memory, List.of(raw.taken(providerId), raw.taken(reserveOnly), raw.taken(withBooking)));
        printWhereTheTimeGoes(rows.get(0));
    }

    /**
     * The function's own steps per counted booking, from the line service-bookings logs for each when
     * YIYANG_BOOKING_STEP_TIMES is set (BookingStepTimes: each step from the end of the one before, µs).
     */
    private void printWhereTheTimeGoes(Phase lambdaRow) throws java.io.IOException {
        int count = lambdaRow.millis().length;
        List<String> logged = java.nio.file.Files.readAllLines(lambda.log()).stream()
                .filter(line -> line.contains(STEP_LINE)).toList();
        List<String> lines = logged.subList(Math.max(0, logged.size() - count), logged.size());
        Map<String, double[]> steps = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher step = STEP.matcher(lines.get(i).substring(lines.get(i).indexOf(STEP_LINE)));
            while (step.find()) {
                steps.computeIfAbsent(step.group(1), name -> new double[lines.size()])[i] =
                        Long.parseLong(step.group(2)) / 1000.0;
            }
        }
        CONSOLE.println();
        CONSOLE.println("Where the time goes, p50 ms per counted booking inside the function (" + lines.size()
                + " bookings; each step from the end of the one before; card_read is the DynamoDB read's own time, "
                + "card_wait what the booking waited for it beyond the PostgreSQL reads): " + steps.entrySet().stream()
                .map(step -> String.format("%s %.2f", step.getKey(), Stats.percentile(step.getValue(), 50)))
                .collect(java.util.stream.Collectors.joining(", ")) + ".");
        lambda.printInside("POST /v1/bookings", 201, lambdaRow);
    }

    /** Booking i: on the hour, round robin over the hours of the day and then the days, from tomorrow. */
    private OffsetDateTime startsAt(int i) {
        int hours = LAST_HOUR - FIRST_HOUR + 1;
        return today.plusDays(1 + (i / hours) % DAYS).atTime(FIRST_HOUR + i % hours, 0).atZone(COUNTY_ZONE)
                .toOffsetDateTime();
    }

    private List<String> bookingEvents(List<String> residents, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> LambdaDoor.eventJson(ApiRequest.post("/v1/bookings",
                "{\"residentId\":\"%s\",\"serviceCode\":\"%s\",\"startsAt\":\"%s\"}".formatted(residents.get(i), SERVICE,
                        startsAt(i))).bearer(operator).idempotencyKey("book-" + UUID.randomUUID()))).toList();
    }

    private String officerEvent(ApiRequest request) {
        return LambdaDoor.eventJson(request.bearer(officer).idempotencyKey("bench-" + UUID.randomUUID()));
    }

    private void print(List<Phase> phases, Memory lambdaMemory, List<long[]> taken) {
        int windows = (LAST_HOUR - FIRST_HOUR + 1) * DAYS;
        CONSOLE.println();
        CONSOLE.println("## Service bookings, one at a time: the service-bookings Lambda (JVM mode) vs. a plain guarded-UPDATE "
                + "reservation");
        CONSOLE.println();
        CONSOLE.printf("%d bookings per row after %d warm-up bookings per row (not counted), one at a time, the rows taking "
                        + "turns in %d blocks, on one embedded PostgreSQL (separate process) and DynamoDB Local (in the bench "
                        + "JVM); %d CPUs, %d MB RAM, Java %s.%n", bookings, WARM_UP, BLOCKS,
                Runtime.getRuntime().availableProcessors(), BenchMain.totalMemoryMb(), System.getProperty("java.version"));
        CONSOLE.printf("Booking: an operator books %s for a resident (card in DynamoDB, street %s), one Idempotency-Key each; "
                        + "visits on the hour %02d:00–%02d:00, days 1–%d from %s, round robin over %d windows of capacity %d "
                        + "(at most %d bookings per window per row); every answer 201.%n", SERVICE, STREET, FIRST_HOUR,
                LAST_HOUR, DAYS, today, windows, CAPACITY, (WARM_UP + bookings + windows - 1) / windows);
        CONSOLE.println("Lambda: one JVM (`java " + LambdaChild.GC_FLAG + "`, " + LambdaJavaRuntime.class.getSimpleName()
                + " + " + LambdaChild.HANDLER + ", " + lambdaJar.getFileName() + "); time from the fake Runtime API handing out "
                + "the event to the response POST; bookings/s over first hand-out to last response of each block.");
        CONSOLE.println("Plain: this JVM, Vert.x Mutiny PgPool (max 2, as the function's), one transaction per booking, "
                + "UPDATE row count checked = 1, own provider per row; time around the transaction; bookings/s over the loops' wall time.");
        CONSOLE.println();
        Phase.printTable("bookings", phases, BUDGET_SECONDS);
        Phase.printRatios(phases, List.of("Lambda / plain reservation", "Lambda / plain reservation + booking row"));
        CONSOLE.printf("Places booked / booking rows, per provider: Lambda %d / %d, plain reservation %d / %d, "
                        + "plain + row %d / %d (warm-up + counted: %d, %d, %d).%n",
                taken.get(0)[0], taken.get(0)[1], taken.get(1)[0], taken.get(1)[1], taken.get(2)[0], taken.get(2)[1],
                WARM_UP + phases.get(0).millis().length, WARM_UP + phases.get(1).millis().length,
                WARM_UP + phases.get(2).millis().length);
        CONSOLE.printf("Lambda process at the end: RSS %.0f MB, peak %.0f MB.%n", lambdaMemory.rssKb() / 1024.0,
                lambdaMemory.hwmKb() / 1024.0);
        CONSOLE.println("Child output: " + lambda.log() + "; stores: " + outDir.resolve("stores.log"));
    }
}
