package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.BookingFixtures;
import cn.yiyang.bookings.BookingRoutes;
import cn.yiyang.funds.FundRoutes;
import cn.yiyang.identity.IdentityRoutes;
import cn.yiyang.kernel.identity.Masks;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealFixtures;
import cn.yiyang.meals.MealRoutes;
import cn.yiyang.residents.ResidentsRoutes;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.Reconstruction;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.TestKeys;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import cn.yiyang.timebank.TimeBankFixtures;
import cn.yiyang.timebank.TimeBankRoutes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13: for each role, every read route of every function, against a county where a resident has been
 * registered, ordered a delivered meal, booked a visit and been served by a volunteer, with phones typed into
 * free text along the way. No answer may carry an ID number or a phone that can be completed from that same
 * answer ({@link Reconstruction}); officers read full values only through the audited identity route, which
 * is the one route left out.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class ReconstructionHttpTest {

    private static final String COUNTY = "330105";
    private static final String FIRST_NAME = TestPeople.uniqueName();

    private final Door door = new HttpDoor(HttpPort.PORT);
    private final List<String> secrets = new ArrayList<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String mobileResident;
    private String landlineResident;
    private String mobile;
    private String landline;
    private String idNumber;
    private String street;

    /** The world the walk reads: every object a read route names, made through the routes themselves. */
    @BeforeEach
    void aCountyWithAResidentWhoUsesEveryService() {
        street = BookingFixtures.newStreet();
        idNumber = TestPeople.idNumber(LocalDate.of(1940, 2, 29));
        mobile = TestPeople.phone();
        String typedLandline = TestPeople.landline();
        mobileResident = register(FIRST_NAME, idNumber, mobile, street, "文三路 18 号 座机" + typedLandline);
        landline = TestPeople.landline();
        landlineResident = register(TestPeople.uniqueName(), TestPeople.idNumber(), landline, street, "文三路 20 号");
        String family = "wx-family-" + UUID.randomUUID();
        expect(door.send(ApiRequest.post("/v1/residents/" + mobileResident + "/family-links",
                "{\"familySubject\":\"" + family + "\",\"relation\":\"CHILD\"}").bearer(officer())
                .idempotencyKey("link-" + UUID.randomUUID())), 201);
        ids.put("family", family);
        secrets.add(typedLandline);

        MealFixtures.policy(door, MealFixtures.POLICY);
        String point = MealFixtures.pointWithMenu(door, 10, 10);
        String typedMobile = TestPeople.phone();
        secrets.add(typedMobile);
        String order = expect(door.send(ApiRequest.post("/v1/meal-orders", """
                {"residentId":"%s","mealPointId":"%s","date":"%s","slot":"LUNCH","mode":"DELIVERY",
                 "deliveryAddress":"文三路 18 号 2 幢，到了打 %s","items":[{"dishCode":"A1","quantity":1}]}"""
                .formatted(mobileResident, point, MealFixtures.tomorrow(), typedMobile))
                .bearer(token(Role.RESIDENT)).idempotencyKey("order-" + UUID.randomUUID())), 201).json().path("id").asText();
        ids.put("point", point);
        ids.put("order", order);

        BookingFixtures.catalog(door);
        String provider = BookingFixtures.provider(door, street, 5);
        String caregiver = BookingFixtures.caregiver(door, provider, true);
        String bookingMobile = TestPeople.phone();
        secrets.add(bookingMobile);
        ApiAnswer booked = expect(door.send(ApiRequest.post("/v1/bookings", """
                {"residentId":"%s","serviceCode":"BATH","startsAt":"%s","address":"文三路 18 号，联系 %s","providerId":"%s"}"""
                .formatted(mobileResident, BookingFixtures.tomorrowAt(10, 0), bookingMobile, provider))
                .bearer(token(Role.RESIDENT)).idempotencyKey("book-" + UUID.randomUUID())), 201);
        String booking = booked.json().path("id").asText();
        expect(door.send(BookingFixtures.step(booking, "assign", BookingFixtures.provider(provider),
                "{\"caregiverId\":\"" + caregiver + "\"}")), 200);
        ids.put("provider", provider);
        ids.put("caregiver", caregiver);
        ids.put("booking", booking);
        ids.put("bookingCode", booked.json().path("confirmationCode").asText());

        String volunteer = TimeBankFixtures.volunteer(door, null);
        String record = expect(door.send(TimeBankFixtures.log(volunteer, mobileResident, TimeBankFixtures.at(1, 9, 0),
                TimeBankFixtures.at(1, 10, 0))), 201).json().path("id").asText();
        ids.put("volunteer", volunteer);
        ids.put("record", record);
        secrets.addAll(List.of(idNumber, mobile, landline));

        // 岗位津贴: a care-home caregiver's ID number, phone and payout account are answered masked on every read route
        String caregiverIdNumber = TestPeople.idNumber();
        String caregiverPhone = TestPeople.phone();
        String careHomeCaregiver = expect(door.send(ApiRequest.post("/v1/care-home-caregivers", """
                {"name":"孙护理","idNumber":"%s","phone":"%s","certificateLevel":"SENIOR","certificateNumber":"HL-2024-0001",
                 "certificateFrom":"2024-01-01","certificateUntil":"2029-12-31"}""".formatted(caregiverIdNumber, caregiverPhone))
                .bearer(officer()).idempotencyKey("care-home-caregiver-" + UUID.randomUUID())), 201).json().path("id").asText();
        expect(door.send(ApiRequest.of("PUT", "/v1/care-home-caregivers/" + careHomeCaregiver + "/payout-account", """
                {"kind":"BANK_CARD","bankCode":"ICBC","accountNumber":"6222020000000004321","holderName":"孙护理","reason":"登记"}""")
                .bearer(officer())), 200);
        ids.put("careHomeCaregiver", careHomeCaregiver);
        secrets.addAll(List.of(caregiverIdNumber, caregiverPhone));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"RESIDENT", "FAMILY", "OPERATOR", "CANTEEN", "PROVIDER", "CAREGIVER",
            "VOLUNTEER", "APPROVER", "AUDITOR", "OFFICER"})
    void noReadAnswerToThisRole_carriesANumberThatCanBeCompletedFromThatAnswer(Role role) {
        String token = token(role);
        LocalDate today = CountyTime.today(java.time.Clock.systemUTC());
        List<String> leaks = new ArrayList<>();
        int answered = 0;
        int sent = 0;
        StringBuilder seen = new StringBuilder();
        for (Route route : readRoutes()) {
            for (ApiRequest request : requests(route, token)) {
                ApiAnswer answer = door.send(request);
                sent++;
                if (answer.status() == 200) {
                    answered++;
                    seen.append(answer.body());
                }
                Reconstruction.leaks(answer.body(), secrets, today)
                        .forEach(leak -> leaks.add(route.method() + " " + route.path() + ": " + leak));
            }
        }

        System.out.println(getClass().getSimpleName() + ": " + role + " read " + sent + " answers of "
                + readRoutes().size() + " read routes, " + answered + " of them 200");
        assertThat(leaks).as(role + " could piece numbers together").isEmpty();
        assertThat(answered).as(role + " read something").isPositive();
        if (role == Role.OPERATOR || role == Role.OFFICER) {
            assertThat(seen.toString()).as("the walk saw the masks it tried to complete")
                    .contains(Masks.mobile(mobile)).contains(Masks.idNumber(idNumber))
                    .contains(Masks.landline("0571", landline.substring(5)));
        }
    }

    private static List<Route> readRoutes() {
        List<Route> routes = new ArrayList<>();
        for (List<Route> table : List.of(ResidentsRoutes.ALL, MealRoutes.ALL, BookingRoutes.ALL, TimeBankRoutes.ALL,
                FundRoutes.ALL, IdentityRoutes.ALL)) {
            table.stream().filter(r -> r.method().equals("GET") && r != ResidentsRoutes.DISCLOSE_IDENTITY).forEach(routes::add);
        }
        return routes;
    }

    private List<ApiRequest> requests(Route route, String token) {
        String tomorrow = MealFixtures.tomorrow().toString();
        String month = tomorrow.substring(0, 7);
        String path = route.path()
                .replace("/v1/residents/{id}", "/v1/residents/" + mobileResident)
                .replace("/v1/meal-points/{id}", "/v1/meal-points/" + ids.get("point"))
                .replace("/v1/meal-orders/{id}", "/v1/meal-orders/" + ids.get("order"))
                .replace("/v1/providers/{id}", "/v1/providers/" + ids.get("provider"))
                .replace("/v1/care-home-caregivers/{id}", "/v1/care-home-caregivers/" + ids.get("careHomeCaregiver"))
                .replace("/v1/caregivers/{id}", "/v1/caregivers/" + ids.get("caregiver"))
                .replace("/v1/bookings/{id}", "/v1/bookings/" + ids.get("booking"))
                .replace("/v1/time-bank/accounts/{id}", "/v1/time-bank/accounts/" + ids.get("volunteer"))
                .replace("/v1/time-bank/service-records/{id}", "/v1/time-bank/service-records/" + ids.get("record"))
                .replace("/v1/batch-policies/{kind}", "/v1/batch-policies/allowance")
                .replace("{date}", tomorrow)
                .replaceAll("\\{[a-zA-Z]+}", UUID.randomUUID().toString());
        List<Map<String, String>> queries = switch (route.path()) {
            case "/v1/residents" -> List.of(Map.of("phone", mobile), Map.of("phone", landline),
                    Map.of("phone", landline.substring(5)), Map.of("idNumber", idNumber),
                    Map.of("name", FIRST_NAME, "birthYear", "1940"), Map.of("name", FIRST_NAME, "streetCode", street));
            case "/v1/meal-orders" -> List.of(Map.of("residentId", mobileResident, "month", month));
            case "/v1/bookings" -> List.of(Map.of("residentId", mobileResident), Map.of("confirmationCode", ids.get("bookingCode")),
                    Map.of("residentId", landlineResident));
            case "/v1/usage", "/v1/booking-settlements", "/v1/fund-reports/transfers-csv" -> List.of(Map.of("month", month));
            case "/v1/fund-reports/lines", "/v1/fund-reports/payees" -> List.of(Map.of("fiscalYear", tomorrow.substring(0, 4)));
            case "/v1/meal-settlements" -> List.of(Map.of("date", tomorrow));
            case "/v1/booking-times" -> List.of(Map.of("residentId", mobileResident, "serviceCode", "BATH", "date", tomorrow));
            case "/v1/meal-quotes" -> List.of(Map.of("residentId", mobileResident, "mealPointId", ids.get("point"),
                    "date", tomorrow, "slot", "LUNCH", "mode", "DELIVERY", "dishes", "A1:1,B2:1"));
            default -> List.of(Map.of());
        };
        List<ApiRequest> requests = new ArrayList<>();
        for (Map<String, String> query : queries) {
            ApiRequest request = ApiRequest.get(path).bearer(token);
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                request = request.query(parameter.getKey(), parameter.getValue());
            }
            requests.add(request);
        }
        if (route == ResidentsRoutes.GET) {
            requests.add(ApiRequest.get("/v1/residents/" + landlineResident).bearer(token));
        }
        return requests;
    }

    /** Each role's token as the identity function would issue it: {@code org} names what the role acts for. */
    private String token(Role role) {
        return switch (role) {
            case RESIDENT -> Tokens.of(COUNTY, mobileResident, role);
            case FAMILY -> withOrg(ids.get("family"), role, mobileResident);
            case CANTEEN -> withOrg("canteen-" + UUID.randomUUID(), role, ids.get("point"));
            case PROVIDER -> withOrg(ids.get("provider"), role, ids.get("provider"));
            case CAREGIVER -> withOrg(ids.get("caregiver"), role, ids.get("caregiver"));
            case VOLUNTEER -> Tokens.of(COUNTY, ids.get("volunteer"), role);
            default -> Tokens.of(COUNTY, role.claim() + "-" + UUID.randomUUID(), role);
        };
    }

    private static String withOrg(String subject, Role role, String actsFor) {
        return Tokens.valid(COUNTY, subject, role).claim("org", Map.of(role.claim(), List.of(actsFor)))
                .signRs256(TestKeys.RSA.getPrivate());
    }

    private static String officer() {
        return Tokens.of(COUNTY, "officer-" + COUNTY, Role.OFFICER);
    }

    private String register(String name, String idNumber, String phone, String street, String line) {
        String emergency = TestPeople.phone();
        secrets.add(emergency);
        return expect(door.send(ApiRequest.post("/v1/residents", """
                {"name":"%s","idNumber":"%s","phone":"%s","address":{"streetCode":"%s","line":"%s"},
                 "categories":["DUJU"],"abilityLevel":1,"emergencyContact":{"name":"李明","relation":"儿子","phone":"%s"}}"""
                .formatted(name, idNumber, phone, street, line, emergency)).bearer(officer())
                .idempotencyKey("reg-" + UUID.randomUUID())), 201).json().path("id").asText();
    }

    private static ApiAnswer expect(ApiAnswer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ": " + answer);
        }
        return answer;
    }
}
