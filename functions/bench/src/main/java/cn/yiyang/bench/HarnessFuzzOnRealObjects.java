package cn.yiyang.bench;

import cn.yiyang.funds.FundFixtures;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.meals.MealFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.Tokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The fuzz pass on objects that exist, where a route's own rules are reached: text a store cannot hold
 * (NUL, other control characters, a lone surrogate) in the free-text field of otherwise valid requests,
 * and garbage bodies on routes whose operation reads no body (approve, cancel, the installers), each
 * of which must be refused (4xx) before any effect, the object read back unchanged.
 */
final class HarnessFuzzOnRealObjects {

    private static final String COUNTY = "330105";
    /** JSON-escaped, as a client sends them: the server must see the characters themselves. */
    static final List<String> CONTROL_TEXTS = List.of("\\u0000", "王\\u0000秀英", "\\u0007", "\\u001b[2J", "\\ud800", "x\\udfff");
    static final List<String> GARBAGE_BODIES = List.of("{not json", "[1,2]", "{\"unexpected\":1}", "\"text\"");

    private HarnessFuzzOnRealObjects() {
    }

    record Outcome(List<ApiAnswer> answers, List<String> effects) {
    }

    static void run(Door door, HarnessStores stores, HarnessReport report) {
        Outcome text = controlText(door);
        Outcome bodies = garbageOnBodylessRoutes(door, stores);
        String section = "fuzz on real objects (HTTP)";
        report.figure(section, "control characters in free text of valid requests", summary(text.answers()), "");
        report.figure(section, "garbage bodies on routes that read none", summary(bodies.answers()), "");
        report.check(section, "control characters in free text: every answer a 4xx problem+json, none stored", () -> {
            Invariants.none("control text: answers other than 4xx", outside(text.answers(), 400, 499));
            Invariants.refusalsAreProblems("control text", text.answers());
        });
        report.check(section, "garbage body on a bodyless route: refused with 400 before any effect", () -> {
            Invariants.none("garbage bodies: answers other than 400", outside(bodies.answers(), 400, 400));
            Invariants.none("garbage bodies: objects changed", bodies.effects());
        });
    }

    private static Outcome controlText(Door door) {
        String officer = Tokens.of(COUNTY, "fuzz-officer", Role.OFFICER);
        String budget = FundFixtures.accountOf(door, COUNTY, "SERVICE_SUBSIDY", "BUDGET").path("id").asText();
        String payee = FundFixtures.accountOf(door, COUNTY, "SERVICE_SUBSIDY", "PAYEE").path("id").asText();
        List<ApiAnswer> answers = new ArrayList<>();
        for (String text : CONTROL_TEXTS) {
            List<ApiRequest> requests = List.of(
                    ApiRequest.post("/v1/meal-points", """
                            {"name":"%s","address":"文三路 1 号","streetCode":"330105001","operatorName":"颐乐",
                             "openDays":["MONDAY"],"slots":{"LUNCH":{"cutoff":"09:30","endsAt":"13:00","dineInSeats":5,"deliverySeats":0}}}"""
                            .formatted(text)).bearer(officer),
                    ApiRequest.post("/v1/transfers", "{\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amountFen\":1,\"memo\":\"%s\"}"
                            .formatted(budget, payee, text)).bearer(officer),
                    ApiRequest.post("/v1/fund-accounts", "{\"fundLine\":\"SERVICE_SUBSIDY\",\"payeeType\":\"PROVIDER\",\"payeeRef\":\"fz-%s\",\"name\":\"%s\"}"
                            .formatted(UUID.randomUUID(), text)).bearer(officer),
                    ApiRequest.post("/v1/providers", "{\"name\":\"%s\",\"streets\":[\"330105001\"],\"services\":[\"CLEAN\"],\"windowCapacity\":1}"
                            .formatted(text)).bearer(officer),
                    ApiRequest.post("/v1/time-bank/items", "{\"name\":\"%s\",\"kind\":\"GOODS\",\"points\":10,\"stock\":1}".formatted(text))
                            .bearer(officer),
                    ApiRequest.post("/v1/residents", """
                            {"name":"%s","idNumber":"%s","phone":"13912345678","address":{"streetCode":"330105001","line":"%s"},
                             "categories":["DUJU"],"abilityLevel":1}""".formatted(text, HarnessIdNumbers.next(COUNTY), text)).bearer(officer));
            for (ApiRequest request : requests) {
                answers.add(door.send(request.idempotencyKey("fuzz-" + UUID.randomUUID())));
            }
        }
        return new Outcome(answers, List.of());
    }

    private static Outcome garbageOnBodylessRoutes(Door door, HarnessStores stores) {
        String officer = Tokens.of(COUNTY, "fuzz-officer", Role.OFFICER);
        String approver = Tokens.of(COUNTY, "fuzz-approver", Role.APPROVER);
        String budget = FundFixtures.accountOf(door, COUNTY, "SERVICE_SUBSIDY", "BUDGET").path("id").asText();
        String payee = FundFixtures.accountOf(door, COUNTY, "SERVICE_SUBSIDY", "PAYEE").path("id").asText();
        String point = MealFixtures.pointWithMenu(door, 100, 0);
        List<String> diners;
        try (DynamoDbClient client = RawOrderCalls.client(stores.dynamoEndpoint())) {
            diners = BenchResidents.writeCards(client, COUNTY, COUNTY + "009", LocalDate.of(1943, 3, 1), GARBAGE_BODIES.size());
        }
        List<ApiAnswer> answers = new ArrayList<>();
        List<String> effects = new ArrayList<>();
        for (int i = 0; i < GARBAGE_BODIES.size(); i++) {
            String garbage = GARBAGE_BODIES.get(i);
            String transfer = door.send(FundFixtures.payment(COUNTY, budget, payee, 1)).json().path("id").asText();
            answers.add(garbage(door, "/v1/transfers/" + transfer + "/approve", garbage, approver));
            unchanged(effects, "approve " + garbage, "PENDING",
                    () -> FundFixtures.transfer(door, COUNTY, transfer).path("status").asText());
            String order = door.send(MealFixtures.lunch(diners.get(i), point)).json().path("id").asText();
            answers.add(garbage(door, "/v1/meal-orders/" + order + "/cancel", garbage, MealFixtures.operator()));
            unchanged(effects, "cancel " + garbage, "PLACED", () -> door.send(ApiRequest.get("/v1/meal-orders/" + order)
                    .bearer(MealFixtures.operator())).json().path("status").asText());
            answers.add(garbage(door, "/v1/fund-lines/defaults", garbage, officer));
            answers.add(garbage(door, "/v1/services/defaults", garbage, officer));
        }
        return new Outcome(answers, effects);
    }

    private static ApiAnswer garbage(Door door, String path, String body, String token) {
        return door.send(ApiRequest.post(path, body).bearer(token).idempotencyKey("fuzz-" + UUID.randomUUID()));
    }

    private static void unchanged(List<String> effects, String what, String expected, Supplier<String> actual) {
        String now = actual.get();
        if (!expected.equals(now)) {
            effects.add(what + ": " + expected + " became " + now);
        }
    }

    private static List<String> outside(List<ApiAnswer> answers, int lowest, int highest) {
        return answers.stream().filter(a -> a.status() < lowest || a.status() > highest).map(ApiAnswer::toString).toList();
    }

    private static String summary(List<ApiAnswer> answers) {
        return answers.size() + " requests: " + answers.stream().filter(a -> a.status() < 300).count() + " × 2xx, "
                + answers.stream().filter(a -> a.status() >= 400 && a.status() < 500).count() + " × 4xx, "
                + answers.stream().filter(a -> a.status() >= 500).count() + " × 5xx";
    }
}
