package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.ContractCheck;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The API document's examples (issue 15) are real: this seeds the demo county as the local gateway
 * does, makes the requests a hotline operator, a resident, a canteen, an officer and an auditor make,
 * and with {@code -Dyiyang.openapi.update=true} writes each request and its answer to
 * {@code src/main/resources/openapi/examples.json}, which the document embeds per operation (then
 * regenerate the document: OpenApiDocumentTest with the same flag). Without the flag it holds the
 * committed examples to the live answers' operations and to the committed document's schemas.
 */
@QuarkusTest
@TestProfile(DemoExamplesTest.DemoCountySeeded.class)
@QuarkusTestResource(StoresTestResource.class)
class DemoExamplesTest {

    static final Path EXAMPLES = Path.of("src", "main", "resources", "openapi", "examples.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> JSON_TYPE = Map.of("content-type", "application/json");

    /** The demo county seeded at start, as {@code mvn quarkus:dev} and the packaged gateway do. */
    public static class DemoCountySeeded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("yiyang.demo.seed", "true");
        }
    }

    /** One example: the operation, who calls, the request. */
    private record Call(String operation, Role role, ApiRequest request) {
    }

    @Inject
    DemoCounty demo;

    @Inject
    ApiDispatcher dispatcher;

    @Test
    void everyExample_isARealAnswerOfTheDemoCounty_andValidAgainstTheDocument() throws IOException {
        HttpDoor door = new HttpDoor(HttpPort.PORT);
        Map<String, JsonNode> captured = new LinkedHashMap<>();
        for (Call call : calls(door)) {
            ApiAnswer answer = door.send(call.request().bearer(token(call.role())));
            assertThat(answer.status()).as(call.operation() + ": " + answer.body()).isBetween(200, 299);
            assertThat(routeOf(call.operation()).method()).isEqualTo(call.request().method());
            ObjectNode example = JSON.createObjectNode();
            if (call.request().body() != null) {
                example.set("request", JSON.readTree(call.request().body()));
            }
            example.put("status", answer.status());
            example.set("answer", answer.json());
            captured.put(call.operation(), example);
        }
        if (Boolean.getBoolean("yiyang.openapi.update")) {
            Files.writeString(EXAMPLES, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new TreeMap<>(captured))
                    + "\n", StandardCharsets.UTF_8);
        }

        JsonNode committed = JSON.readTree(EXAMPLES.toFile());
        List<String> names = new ArrayList<>();
        committed.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(captured.keySet());
        for (Call call : calls(door)) {
            JsonNode example = committed.get(call.operation());
            ApiAnswer answer = new ApiAnswer(example.path("status").asInt(), JSON_TYPE, example.get("answer").toString());
            assertThat(ContractCheck.committed().check(call.request(), answer)).as(call.operation()).isEmpty();
        }
    }

    private List<Call> calls(HttpDoor door) {
        String resident = demo.subjectFor(Role.RESIDENT);
        String point = demo.orgFor(List.of(Role.CANTEEN)).get("canteen").get(0);
        LocalDate tomorrow = LocalDate.now(CountyTime.ZONE).plusDays(1);
        String startsAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(tomorrow.atTime(10, 0).atZone(CountyTime.ZONE));
        return List.of(
                new Call("listMealPoints", Role.OPERATOR, ApiRequest.get("/v1/meal-points")),
                new Call("getMenu", Role.OPERATOR, ApiRequest.get("/v1/meal-points/" + point + "/menus/" + tomorrow)),
                new Call("getMealPolicy", Role.OPERATOR, ApiRequest.get("/v1/meal-policies/current")),
                new Call("placeMealOrder", Role.RESIDENT, ApiRequest.post("/v1/meal-orders", """
                        {"residentId":"%s","mealPointId":"%s","date":"%s","slot":"LUNCH","mode":"DINE_IN",
                         "items":[{"dishCode":"A1","quantity":1}]}""".formatted(resident, point, tomorrow))
                        .idempotencyKey("demo-example-order")),
                new Call("listMealOrders", Role.RESIDENT, ApiRequest.get("/v1/meal-orders")
                        .query("residentId", resident).query("month", tomorrow.toString().substring(0, 7))),
                new Call("getKitchenDay", Role.CANTEEN, ApiRequest.get("/v1/meal-points/" + point + "/days/" + tomorrow)),
                new Call("getResident", Role.OPERATOR, ApiRequest.get("/v1/residents/" + resident)),
                new Call("listServices", Role.OPERATOR, ApiRequest.get("/v1/services")),
                new Call("bookService", Role.RESIDENT, ApiRequest.post("/v1/bookings", """
                        {"residentId":"%s","serviceCode":"BATH","startsAt":"%s"}""".formatted(resident, startsAt))
                        .idempotencyKey("demo-example-booking")),
                new Call("listBookings", Role.RESIDENT, ApiRequest.get("/v1/bookings").query("residentId", resident)),
                new Call("listFundLines", Role.OFFICER, ApiRequest.get("/v1/fund-lines")),
                new Call("listFundAccounts", Role.OFFICER, ApiRequest.get("/v1/fund-accounts")),
                new Call("listTransfers", Role.OFFICER, ApiRequest.get("/v1/transfers")),
                new Call("verifyAuditTrail", Role.AUDITOR, ApiRequest.get("/v1/audit/verify")),
                new Call("listCareHomeCaregivers", Role.AUDITOR, ApiRequest.get("/v1/care-home-caregivers")),
                new Call("listCaregiverAssignments", Role.OFFICER, ApiRequest.get("/v1/care-home-caregivers/"
                        + demo.careHomeCaregiverId() + "/assignments")),
                new Call("listCaregiverCertificates", Role.AUDITOR, ApiRequest.get("/v1/care-home-caregivers/"
                        + demo.careHomeCaregiverId() + "/certificates")));
    }

    private String token(Role role) {
        Map<Role, List<String>> org = new EnumMap<>(Role.class);
        demo.orgFor(List.of(role)).forEach((claim, ids) -> org.put(role, ids));
        return Tokens.of(DemoCounty.COUNTY, demo.subjectFor(role), org, role);
    }

    private Route routeOf(String operation) {
        return dispatcher.routes().stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow();
    }
}
