package cn.yiyang.meals;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestResidents;
import cn.yiyang.testing.Tokens;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the world a meal scenario needs: residents (their cards, as the residents function
 * publishes them), a meal point with seats, a menu, a policy; and the requests to order.
 */
public final class MealFixtures {

    public static final String COUNTY = "330105";
    public static final String OTHER_COUNTY = "320303";
    public static final String ALL_WEEK = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]";
    /** Policy of every scenario: 60–79 ¥3, 80–89 ¥5, 90+ ¥8; 低保/失能 ¥6; 特困 free. */
    public static final String POLICY = """
            {"ageBands":[{"fromAge":60,"toAge":79,"subsidyFen":300},{"fromAge":80,"toAge":89,"subsidyFen":500},
                         {"fromAge":90,"subsidyFen":800}],
             "categorySubsidyFen":{"DIBAO":600,"SHINENG":600},"freeCategories":["TEKUN"]}""";

    private MealFixtures() {
    }

    public static String officer(String county) {
        return Tokens.of(county, "officer-" + county, Role.OFFICER);
    }

    public static String operator() {
        return Tokens.of(COUNTY, "operator-7", Role.OPERATOR);
    }

    /** The canteen staff of one meal point: the token's {@code org.canteen} names it. */
    public static String canteen(String point) {
        return Tokens.actingFor(COUNTY, "canteen-1", Role.CANTEEN, point);
    }

    public static String residentToken(String residentId) {
        return Tokens.of(COUNTY, residentId, Role.RESIDENT);
    }

    public static LocalDate tomorrow() {
        return LocalDate.now(CountyTime.ZONE).plusDays(1);
    }

    /** A resident of the county of the given age on tomorrow's date, published as a card. */
    public static String resident(int age, String... categories) {
        return resident(COUNTY, age, Set.of(), categories);
    }

    public static String resident(String county, int age, Set<String> family, String... categories) {
        return TestResidents.publish(county, county + "001", tomorrow().minusYears(age).minusDays(10), family, categories);
    }

    public static String point(Door door, String county, int dineInSeats, int deliverySeats, String openDays) {
        ApiAnswer answer = door.send(ApiRequest.post("/v1/meal-points", """
                {"name":"文三社区助餐点","address":"文三路 88 号","streetCode":"%s001","operatorName":"西湖颐乐餐饮",
                 "openDays":%s,
                 "slots":{"LUNCH":{"cutoff":"09:30","endsAt":"13:00","dineInSeats":%d,"deliverySeats":%d},
                          "DINNER":{"cutoff":"15:30","endsAt":"19:00","dineInSeats":%d,"deliverySeats":%d}}}"""
                .formatted(county, openDays, dineInSeats, deliverySeats, dineInSeats, deliverySeats))
                .bearer(officer(county)).idempotencyKey("point-" + UUID.randomUUID()));
        expect(answer, 201);
        return answer.json().path("id").asText();
    }

    /** A point open every day with a published menu for tomorrow: dishes A1 ¥12, B2 ¥8. */
    public static String pointWithMenu(Door door, int dineInSeats, int deliverySeats) {
        String point = point(door, COUNTY, dineInSeats, deliverySeats, ALL_WEEK);
        menu(door, COUNTY, point, tomorrow());
        return point;
    }

    public static void menu(Door door, String county, String point, LocalDate date) {
        expect(door.send(ApiRequest.of("PUT", "/v1/meal-points/" + point + "/menus/" + date, """
                {"dishes":[{"code":"A1","name":"红烧鱼套餐","priceFen":1200},{"code":"B2","name":"素菜套餐","priceFen":800}]}""")
                .bearer(officer(county))), 200);
    }

    public static void policy(Door door, String body) {
        expect(door.send(ApiRequest.post("/v1/meal-policies", body).bearer(officer(COUNTY))
                .idempotencyKey("policy-" + UUID.randomUUID())), 201);
    }

    public static ApiRequest order(String token, String resident, String point, LocalDate date, String mode, String items) {
        return ApiRequest.post("/v1/meal-orders", """
                {"residentId":"%s","mealPointId":"%s","date":"%s","slot":"LUNCH","mode":"%s","items":%s}"""
                .formatted(resident, point, date, mode, items)).bearer(token).idempotencyKey("order-" + UUID.randomUUID());
    }

    public static ApiRequest lunch(String resident, String point) {
        return order(operator(), resident, point, tomorrow(), "DINE_IN", "[{\"dishCode\":\"A1\",\"quantity\":1}]");
    }

    public static ApiAnswer expect(ApiAnswer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ": " + answer);
        }
        return answer;
    }
}
