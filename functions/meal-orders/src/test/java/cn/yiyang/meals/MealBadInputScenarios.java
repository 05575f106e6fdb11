package cn.yiyang.meals;

import static cn.yiyang.meals.MealFixtures.COUNTY;
import static cn.yiyang.meals.MealFixtures.OTHER_COUNTY;
import static cn.yiyang.meals.MealFixtures.operator;
import static cn.yiyang.meals.MealFixtures.pointWithMenu;
import static cn.yiyang.meals.MealFixtures.resident;
import static cn.yiyang.meals.MealFixtures.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Bad meal orders, table-driven: a clear 4xx with a stable code, never a 5xx, and no seat taken. */
public abstract class MealBadInputScenarios {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract Door door();

    static Stream<Arguments> badOrders() {
        String items = "[{\"dishCode\":\"A1\",\"quantity\":1}]";
        return Stream.of(
                Arguments.of("no items", "\"items\":[]", 400, "VALIDATION_FAILED"),
                Arguments.of("eleven items", "\"items\":" + "[" + "{\"dishCode\":\"A1\",\"quantity\":1},".repeat(10) + "{\"dishCode\":\"A1\",\"quantity\":1}]", 400, "VALIDATION_FAILED"),
                Arguments.of("quantity zero", "\"items\":[{\"dishCode\":\"A1\",\"quantity\":0}]", 400, "VALIDATION_FAILED"),
                Arguments.of("quantity as text", "\"items\":[{\"dishCode\":\"A1\",\"quantity\":\"1\"}]", 400, "VALIDATION_FAILED"),
                Arguments.of("a price sent by the client", "\"items\":" + items + ",\"priceFen\":1", 400, "VALIDATION_FAILED"),
                Arguments.of("an unknown slot", "\"items\":" + items + ",\"slot\":\"BREAKFAST\"", 400, "VALIDATION_FAILED"),
                Arguments.of("a date that is not a date", "\"items\":" + items + ",\"date\":\"2026-02-30\"", 400, "VALIDATION_FAILED"),
                Arguments.of("a date in the past", "\"items\":" + items + ",\"date\":\"2020-01-01\"", 422, "MEAL_DATE_OUT_OF_RANGE"),
                Arguments.of("a date a month ahead", "\"items\":" + items + ",\"date\":\"" + tomorrow().plusDays(30) + "\"", 422, "MEAL_DATE_OUT_OF_RANGE"),
                Arguments.of("an address for dine-in", "\"items\":" + items + ",\"deliveryAddress\":\"文三路\"", 400, "VALIDATION_FAILED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void aBadOrder_isAnsweredWithAClear4xx_andTakesNoSeat(String name, String fields, int status, String code) throws Exception {
        MealFixtures.policy(door(), MealFixtures.POLICY);
        String point = pointWithMenu(door(), 1, 0);
        String resident = resident(80);
        ObjectNode order = JSON.createObjectNode().put("residentId", resident).put("mealPointId", point)
                .put("date", tomorrow().toString()).put("slot", "LUNCH").put("mode", "DINE_IN");
        order.setAll((ObjectNode) JSON.readTree("{" + fields + "}"));
        String body = order.toString();

        ApiAnswer answer = door().send(ApiRequest.post("/v1/meal-orders", body).bearer(operator())
                .idempotencyKey("bad-" + UUID.randomUUID()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.isProblem()).isTrue();
        assertThat(door().send(MealFixtures.lunch(resident(80), point)).status()).as("the one seat is still free").isEqualTo(201);
    }

    @Test
    void anotherCountysOrder_isNotFound_toEveryRole() {
        MealFixtures.policy(door(), MealFixtures.POLICY);
        String point = pointWithMenu(door(), 5, 0);
        String id = door().send(MealFixtures.lunch(resident(80), point)).json().path("id").asText();
        String theirOperator = cn.yiyang.testing.Tokens.of(OTHER_COUNTY, "operator-7", cn.yiyang.kernel.route.Role.OPERATOR);

        ApiAnswer read = door().send(ApiRequest.get("/v1/meal-orders/" + id).bearer(theirOperator));
        ApiAnswer cancel = door().send(ApiRequest.post("/v1/meal-orders/" + id + "/cancel", "{}").bearer(theirOperator)
                .idempotencyKey("x-" + UUID.randomUUID()));
        ApiAnswer day = door().send(ApiRequest.get("/v1/meal-points/" + point + "/days/" + tomorrow())
                .bearer(cn.yiyang.testing.Tokens.of(OTHER_COUNTY, "canteen-1", cn.yiyang.kernel.route.Role.CANTEEN)));

        assertThat(read.status()).isEqualTo(404);
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(day.status()).isEqualTo(404);
        assertThat(door().send(ApiRequest.get("/v1/meal-orders/" + id).bearer(operator())).json().path("status").asText())
                .isEqualTo("PLACED");
        assertThat(COUNTY).isNotEqualTo(OTHER_COUNTY);
    }
}
