package cn.yiyang.bench;

import cn.yiyang.funds.FundFixtures;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.Tokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Warm p50/p99 of the main routes over HTTP on the local gateway, on the demo county's data: each
 * route {@value #WARM_UP} times unmeasured, then {@value #CALLS} times one after the other.
 */
final class HarnessRouteLatencies {

    static final int WARM_UP = 10;
    static final int CALLS = 100;
    private static final String COUNTY = "330105";

    private HarnessRouteLatencies() {
    }

    static void run(Door door, HarnessReport report) {
        String operator = Tokens.of(COUNTY, "harness-operator", Role.OPERATOR);
        String officer = Tokens.of(COUNTY, "harness-officer", Role.OFFICER);
        String approver = Tokens.of(COUNTY, "harness-approver", Role.APPROVER);
        String auditor = Tokens.of(COUNTY, "harness-auditor", Role.AUDITOR);
        String volunteer = Tokens.of(COUNTY, "harness-volunteer", Role.VOLUNTEER);
        String resident = door.send(ApiRequest.get("/v1/residents").query("phone", "13805710001").bearer(operator))
                .json().path("items").path(0).path("id").asText();
        String point = door.send(ApiRequest.get("/v1/meal-points").bearer(operator)).json().path("items").path(0).path("id").asText();
        String canteen = Tokens.actingFor(COUNTY, "harness-canteen", Role.CANTEEN, point);
        LocalDate tomorrow = LocalDate.now(CountyTime.ZONE).plusDays(1);
        String debit = FundFixtures.accountOf(door, COUNTY, "MEAL_SUBSIDY", "BUDGET").path("id").asText();
        String credit = FundFixtures.accountOf(door, COUNTY, "MEAL_SUBSIDY", "PAYEE").path("id").asText();
        Map<String, IntFunction<ApiRequest>> routes = new LinkedHashMap<>();
        // one operator per call: a caller's look-ups are limited (LookupBudget), the latency is what is measured here
        routes.put("GET /v1/residents?phone= (hotline look-up)", i -> ApiRequest.get("/v1/residents").query("phone", "88061234")
                .bearer(Tokens.of(COUNTY, "harness-operator-" + i, Role.OPERATOR)));
        routes.put("GET /v1/residents/{id}", i -> ApiRequest.get("/v1/residents/" + resident).bearer(operator));
        routes.put("GET /v1/meal-points", i -> ApiRequest.get("/v1/meal-points").bearer(operator));
        routes.put("GET /v1/meal-points/{id}/days/{date} (kitchen day)", i -> ApiRequest.get("/v1/meal-points/" + point + "/days/" + tomorrow).bearer(canteen));
        routes.put("GET /v1/services", i -> ApiRequest.get("/v1/services").bearer(operator));
        routes.put("GET /v1/bookings?residentId=", i -> ApiRequest.get("/v1/bookings").query("residentId", resident).bearer(operator));
        routes.put("GET /v1/time-bank/items", i -> ApiRequest.get("/v1/time-bank/items").bearer(volunteer));
        routes.put("GET /v1/fund-accounts?fundLine= (snapshot)", i -> ApiRequest.get("/v1/fund-accounts").query("fundLine", "MEAL_SUBSIDY").bearer(auditor));
        routes.put("POST /v1/transfers (1 fen, PENDING)", i -> ApiRequest.post("/v1/transfers",
                "{\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amountFen\":1}".formatted(debit, credit))
                .bearer(officer).idempotencyKey("harness-" + UUID.randomUUID()));
        String[] refreshChain = signInRoutes(door, routes);
        List<String> pending = new ArrayList<>();
        for (Map.Entry<String, IntFunction<ApiRequest>> route : routes.entrySet()) {
            double[] millis = new double[CALLS];
            for (int i = -WARM_UP; i < CALLS; i++) {
                ApiRequest request = route.getValue().apply(i);
                long start = System.nanoTime();
                ApiAnswer answer = door.send(request);
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
                if (answer.status() >= 300) {
                    throw new IllegalStateException(route.getKey() + " answered " + answer);
                }
                if (route.getKey().startsWith("POST /v1/transfers")) {
                    pending.add(answer.json().path("id").asText());
                }
                if (route.getKey().startsWith("POST /v1/auth/refresh")) {
                    refreshChain[0] = answer.json().path("refreshToken").asText();
                }
            }
            record(report, route.getKey(), millis);
        }
        double[] approve = new double[Math.min(CALLS, pending.size())];
        for (int i = 0; i < approve.length; i++) {
            long start = System.nanoTime();
            ApiAnswer answer = door.send(ApiRequest.post("/v1/transfers/" + pending.get(i) + "/approve", "{}").bearer(approver)
                    .idempotencyKey("harness-" + UUID.randomUUID()));
            approve[i] = (System.nanoTime() - start) / 1e6;
            if (answer.status() != 200) {
                throw new IllegalStateException("approve answered " + answer);
            }
        }
        record(report, "POST /v1/transfers/{id}/approve (posts)", approve);
    }

    /**
     * The sign-in routes on the demo county's real accounts: a staff password sign-in (bcrypt), a
     * WeChat sign-in of a bound openid (the stand-in's jscode2session, then the tokens), and a chain
     * of refreshes, each spending the token the previous one issued (the returned holder, which the
     * caller advances after every answered refresh).
     */
    private static String[] signInRoutes(Door door, Map<String, IntFunction<ApiRequest>> routes) {
        routes.put("POST /v1/auth/staff/sign-in (bcrypt cost 10)", i -> ApiRequest.post("/v1/auth/staff/sign-in",
                "{\"county\":\"" + COUNTY + "\",\"phone\":\"13905710102\",\"password\":\"Xihu-demo-2026\"}"));
        ApiAnswer first = door.send(ApiRequest.post("/v1/auth/wechat/sign-in",
                "{\"county\":\"" + COUNTY + "\",\"code\":\"harness~" + UUID.randomUUID() + "\"}"));
        if ("BINDING_REQUIRED".equals(first.json().path("status").asText())) {
            door.send(ApiRequest.post("/v1/auth/wechat/bind-resident", "{\"bindingTicket\":\""
                    + first.json().path("bindingTicket").asText() + "\",\"phoneCode\":\"phone~13805710001~"
                    + UUID.randomUUID() + "\",\"idNumberLast4\":\"0021\"}"));
        }
        routes.put("POST /v1/auth/wechat/sign-in (bound openid)", i -> ApiRequest.post("/v1/auth/wechat/sign-in",
                "{\"county\":\"" + COUNTY + "\",\"code\":\"harness~" + UUID.randomUUID() + "\"}"));
        String[] latest = {door.send(routes.get("POST /v1/auth/staff/sign-in (bcrypt cost 10)").apply(0))
                .json().path("refreshToken").asText()};
        routes.put("POST /v1/auth/refresh (rotation)", i -> ApiRequest.post("/v1/auth/refresh",
                "{\"refreshToken\":\"" + latest[0] + "\"}"));
        return latest;
    }

    private static void record(HarnessReport report, String route, double[] millis) {
        double p50 = Stats.percentile(millis, 50);
        double p99 = Stats.percentile(millis, 99);
        report.figure("warm routes (HTTP)", route, String.format("p50 %.1f ms, p99 %.1f ms (n=%d)", p50, p99, millis.length), "");
        report.latency("HTTP " + route, p50, p99);
    }
}
