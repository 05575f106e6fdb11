package cn.yiyang.bench;

import cn.yiyang.funds.FundFixtures;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.Tokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every creating request sent {@value #COPIES} times at once under one Idempotency-Key, for
 * {@value #REQUESTS} requests per function: each key takes effect once (the store counts
 * {@value #REQUESTS} effects), every copy that succeeded carries the same body, the others are
 * IDEMPOTENCY_IN_PROGRESS, and a later retry replays the first answer.
 */
final class HarnessIdempotencyStorm {

    static final int REQUESTS = 40;
    static final int COPIES = 3;
    private static final String COUNTY = "330105";

    private HarnessIdempotencyStorm() {
    }

    record StormCase(String function, List<ApiRequest> requests, LongSupplier effects) {
    }

    static void run(Door door, HarnessStores stores, HarnessReport report) {
        for (StormCase storm : cases(door, stores)) {
            long before = storm.effects().getAsLong();
            List<ApiRequest> sends = new ArrayList<>();
            storm.requests().forEach(r -> {
                for (int c = 0; c < COPIES; c++) {
                    sends.add(r);
                }
            });
            List<ApiAnswer> answers = Concurrently.run(sends.size(), i -> door.send(sends.get(i)));
            Map<String, List<ApiAnswer>> byKey = new LinkedHashMap<>();
            for (int i = 0; i < sends.size(); i++) {
                byKey.computeIfAbsent(sends.get(i).headers().get("idempotency-key"), k -> new ArrayList<>()).add(answers.get(i));
            }
            List<String> replays = new ArrayList<>();
            for (ApiRequest request : storm.requests()) {
                ApiAnswer again = door.send(request);
                String first = byKey.get(request.headers().get("idempotency-key")).stream().filter(a -> a.status() < 300)
                        .map(ApiAnswer::body).findFirst().orElse(null);
                if (again.status() >= 300 || !again.body().equals(first)) {
                    replays.add(request.path() + " retried: " + again);
                }
            }
            long effects = storm.effects().getAsLong() - before;
            String section = "idempotency storm (HTTP)";
            report.figure(section, storm.function() + ": " + REQUESTS + " requests × " + COPIES + " at once",
                    answers.stream().filter(a -> a.status() < 300).count() + " × 2xx, "
                            + answers.stream().filter(a -> a.status() == 409).count() + " × 409; effects " + effects, "");
            report.check(section, storm.function() + ": each key took effect once, its answers agree, a retry replays", () -> {
                Invariants.noServerErrors(storm.function(), answers);
                Invariants.answeredOnly(storm.function(), answers, Set.of(200, 201, 409), Set.of("IDEMPOTENCY_IN_PROGRESS"));
                Invariants.tookEffectOnce(storm.function(), byKey);
                Invariants.none(storm.function() + ": retries that did not replay the first answer", replays);
                Invariants.equal(storm.function() + ": effects in the store", REQUESTS, effects);
            });
        }
    }

    private static List<StormCase> cases(Door door, HarnessStores stores) {
        String operator = Tokens.of(COUNTY, "storm-operator", Role.OPERATOR);
        String officer = Tokens.of(COUNTY, "storm-officer", Role.OFFICER);
        String auditor = Tokens.of(COUNTY, "storm-auditor", Role.AUDITOR);
        List<StormCase> cases = new ArrayList<>();

        String point = MealFixtures.pointWithMenu(door, 1_000, 0);
        List<String> diners;
        try (DynamoDbClient client = RawOrderCalls.client(stores.dynamoEndpoint())) {
            diners = BenchResidents.writeCards(client, COUNTY, COUNTY + "008", LocalDate.of(1942, 5, 1), REQUESTS);
        }
        cases.add(new StormCase("meal-orders", diners.stream().map(r -> MealFixtures.lunch(r, point)).toList(),
                () -> door.send(ApiRequest.get("/v1/meal-points/" + point + "/days/" + MealFixtures.tomorrow())
                        .bearer(MealFixtures.canteen(point))).json().path("slots").path("LUNCH").path("ordered").asLong()));

        String provider = door.send(ApiRequest.post("/v1/providers", """
                {"name":"风暴测试服务中心","streets":["%s008"],"services":["CLEAN"],"windowCapacity":1000}""".formatted(COUNTY))
                .bearer(officer).idempotencyKey("storm-" + UUID.randomUUID())).json().path("id").asText();
        String startsAt = LocalDate.now(CountyTime.ZONE).plusDays(2).atTime(10, 0).atZone(CountyTime.ZONE).toOffsetDateTime().toString();
        String tomorrowDay = LocalDate.now(CountyTime.ZONE).plusDays(2).toString();
        cases.add(new StormCase("service-bookings", diners.stream().map(r -> ApiRequest.post("/v1/bookings",
                        "{\"residentId\":\"%s\",\"serviceCode\":\"CLEAN\",\"startsAt\":\"%s\",\"providerId\":\"%s\"}".formatted(r, startsAt, provider))
                        .bearer(operator).idempotencyKey("storm-" + UUID.randomUUID())).toList(),
                () -> door.send(ApiRequest.get("/v1/providers/" + provider + "/days/" + tomorrowDay).bearer(officer))
                        .json().path("items").size()));

        String debit = FundFixtures.accountOf(door, COUNTY, "SERVICE_SUBSIDY", "BUDGET").path("id").asText();
        String credit = FundFixtures.accountOf(door, COUNTY, "SERVICE_SUBSIDY", "PAYEE").path("id").asText();
        List<ApiRequest> transfers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            transfers.add(ApiRequest.post("/v1/transfers", "{\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amountFen\":1}"
                    .formatted(debit, credit)).bearer(officer).idempotencyKey("storm-" + UUID.randomUUID()));
        }
        cases.add(new StormCase("fund-lines", transfers, () -> door.send(ApiRequest.get("/v1/fund-accounts/" + credit)
                .bearer(auditor)).json().path("creditsPending").asLong()));

        List<ApiRequest> registrations = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String phone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
            phones.add(phone);
            registrations.add(ApiRequest.post("/v1/residents", """
                    {"name":"风暴测试","idNumber":"%s","phone":"%s","address":{"streetCode":"%s001","line":"文三路 1 号"},
                     "categories":["DUJU"],"abilityLevel":1}""".formatted(HarnessIdNumbers.next(COUNTY), phone, COUNTY))
                    .bearer(officer).idempotencyKey("storm-" + UUID.randomUUID()));
        }
        // an operator per phone: one caller's look-ups are limited (LookupBudget)
        cases.add(new StormCase("residents", registrations, () -> phones.stream().mapToLong(phone -> door.send(
                ApiRequest.get("/v1/residents").query("phone", phone).bearer(Tokens.of(COUNTY, "storm-operator-" + phone,
                        Role.OPERATOR))).json().path("items").size()).sum()));

        List<String> volunteers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            volunteers.add("storm-volunteer-" + UUID.randomUUID());
        }
        try (DynamoDbClient client = RawOrderCalls.client(stores.dynamoEndpoint())) {
            BenchResidents.writeVolunteerCards(client, COUNTY, volunteers, LocalDate.of(1965, 5, 1));
        }
        cases.add(new StormCase("time-bank", volunteers.stream().map(v -> ApiRequest.post("/v1/time-bank/volunteers",
                        "{\"name\":\"风暴志愿者\"}").bearer(Tokens.of(COUNTY, v, Role.VOLUNTEER)).idempotencyKey("storm-" + v)).toList(),
                () -> volunteers.stream().filter(v -> door.send(ApiRequest.get("/v1/time-bank/accounts/" + v)
                        .bearer(Tokens.of(COUNTY, v, Role.VOLUNTEER))).status() == 200).count()));
        return cases;
    }
}
