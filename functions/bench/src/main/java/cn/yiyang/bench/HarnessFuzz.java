package cn.yiyang.bench;

import cn.yiyang.bookings.BookingRoutes;
import cn.yiyang.funds.FundRoutes;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.meals.MealRoutes;
import cn.yiyang.residents.ResidentsRoutes;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.Tokens;
import cn.yiyang.timebank.TimeBankRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every declared route of every function, fed malformed JSON, wrong types, boundary values and
 * garbage path and query values, control characters in every free-text field name, by a caller
 * holding every role the route admits: not one answer
 * may be a 5xx, and every refusal is problem+json with a code and a userMessage.
 */
final class HarnessFuzz {

    static final int CLIENTS = 8;
    private static final String COUNTY = "330105";

    static final List<String> BODIES = List.of(
            "{", "[]", "\"text\"", "null", "{}", "{\"unknown\":1}",
            "{\"amountFen\":-1,\"date\":\"2026-02-30\",\"residentId\":123,\"items\":\"x\",\"name\":\"\",\"slot\":\"BRUNCH\"}",
            "{\"amountFen\":1e400,\"quantity\":99999999999999999999999,\"startsAt\":\"yesterday\"}",
            "{\"name\":\"" + "长".repeat(5000) + "\",\"fiscalYear\":-2026,\"month\":\"2026-13\"}",
            "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}",
            "{\"name\":\"\\u0000\",\"phone\":\"+86 000\",\"idNumber\":\"11010519491231002Y\"}",
            "{\"debitAccountId\":\"" + UUID.randomUUID() + "\",\"creditAccountId\":\"x\",\"amountFen\":0}");
    /** Free-text field names of the functions' requests, each fed text a store cannot hold. */
    static final List<String> TEXT_FIELDS = List.of("name", "memo", "reason", "comment", "address", "line", "operatorName",
            "place", "payeeRef", "causeRef", "relation", "familySubject");
    static final List<String> PATH_VALUES = List.of("x", UUID.randomUUID().toString(), "..", "%00", "9".repeat(300),
            "2026-02-30", "-1", "%E4%B8%AD");
    static final List<String> QUERY_VALUES = List.of("", "x", "-1", "2026-13", "9".repeat(250), "%00", "' or 1=1 --");

    private HarnessFuzz() {
    }

    /** The malformed bodies, and a body per free-text field carrying each control text of the real-object pass. */
    static List<String> bodies() {
        List<String> bodies = new ArrayList<>(BODIES);
        for (String field : TEXT_FIELDS) {
            for (String text : HarnessFuzzOnRealObjects.CONTROL_TEXTS) {
                bodies.add("{\"" + field + "\":\"" + text + "\"}");
            }
        }
        return bodies;
    }

    static List<Route> allRoutes() {
        List<Route> routes = new ArrayList<>();
        routes.addAll(ResidentsRoutes.ALL);
        routes.addAll(MealRoutes.ALL);
        routes.addAll(BookingRoutes.ALL);
        routes.addAll(TimeBankRoutes.ALL);
        routes.addAll(FundRoutes.ALL);
        return routes;
    }

    static void run(Door door, HarnessReport report) {
        List<ApiRequest> requests = new ArrayList<>();
        for (Route route : allRoutes()) {
            String token = Tokens.of(COUNTY, "fuzz-" + route.function(), route.roles().toArray(Role[]::new));
            for (String value : PATH_VALUES) {
                String path = route.path().replaceAll("\\{[a-zA-Z]+}", value);
                if (route.method().equals("GET")) {
                    for (String q : QUERY_VALUES) {
                        requests.add(ApiRequest.get(path).query("residentId", q).query("month", q).query("date", q)
                                .query("phone", q).query("fiscalYear", q).query("status", q).bearer(token));
                    }
                } else {
                    // the control-text bodies once per route (the second path value, an id), the rest for every value
                    for (String body : value.equals(PATH_VALUES.get(1)) ? bodies() : BODIES) {
                        requests.add(ApiRequest.of(route.method(), path, body).bearer(token)
                                .idempotencyKey("fuzz-" + UUID.randomUUID()));
                    }
                }
            }
        }
        List<ApiAnswer> answers = Concurrently.run(CLIENTS, 300, c -> {
            List<ApiAnswer> mine = new ArrayList<>();
            for (int i = c; i < requests.size(); i += CLIENTS) {
                mine.add(door.send(requests.get(i)));
            }
            return mine;
        }).stream().flatMap(List::stream).toList();
        report.figure("fuzz (HTTP)", allRoutes().size() + " routes × malformed bodies, wrong types, boundary and garbage values",
                answers.size() + " requests, " + answers.stream().filter(a -> a.status() >= 400 && a.status() < 500).count()
                        + " × 4xx, " + answers.stream().filter(a -> a.status() < 300).count() + " × 2xx", "");
        report.check("fuzz (HTTP)", "no 5xx from any route; every refusal problem+json with code and userMessage", () -> {
            Invariants.noServerErrors("fuzz", answers);
            Invariants.refusalsAreProblems("fuzz", answers);
        });
    }
}
