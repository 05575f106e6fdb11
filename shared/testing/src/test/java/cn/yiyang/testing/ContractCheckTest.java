package cn.yiyang.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check every door makes against the committed API document catches an answer that drifted
 * from it: a field the document lacks, a required one missing, a wrong type, an unlisted status or
 * problem code. Fixtures are the booking settings ({@code GET /v1/booking-settings}: three whole numbers).
 */
class ContractCheckTest {

    private static final ApiRequest SETTINGS = ApiRequest.get("/v1/booking-settings");
    private static final Map<String, String> JSON = Map.of("content-type", "application/json; charset=utf-8");
    private static final Map<String, String> PROBLEM = Map.of("content-type", "application/problem+json; charset=utf-8");

    private static ApiAnswer settings(String body) {
        return new ApiAnswer(200, JSON, body);
    }

    @Test
    void anAnswerAsDocumented_passes() {
        ApiAnswer answer = settings("{\"minNoticeMinutes\":120,\"lateCancelMinutes\":60,\"emergencyAssignMinutes\":30}");

        assertThat(ContractCheck.committed().check(SETTINGS, answer)).isEmpty();
    }

    @Test
    void aDeliberatelyBrokenField_failsTheDoor() {
        ApiAnswer broken = settings("{\"minNoticeMinutes\":120,\"lateCancelMinutes\":60,\"emergencyAssignMinutes\":30,"
                + "\"surpriseField\":1}");

        assertThat(ContractCheck.committed().check(SETTINGS, broken)).hasValueSatisfying(v -> assertThat(v)
                .contains("getBookingSettings").contains("surpriseField"));
        assertThatThrownBy(() -> ContractCheck.verify(SETTINGS, broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("surpriseField");
    }

    @Test
    void aRequiredFieldMissing_orOfTheWrongType_fails() {
        ApiAnswer missing = settings("{\"minNoticeMinutes\":120,\"lateCancelMinutes\":60}");
        ApiAnswer wrongType = settings("{\"minNoticeMinutes\":\"120\",\"lateCancelMinutes\":60,\"emergencyAssignMinutes\":30}");

        assertThat(ContractCheck.committed().check(SETTINGS, missing)).hasValueSatisfying(v -> assertThat(v)
                .contains("emergencyAssignMinutes"));
        assertThat(ContractCheck.committed().check(SETTINGS, wrongType)).hasValueSatisfying(v -> assertThat(v)
                .contains("minNoticeMinutes"));
    }

    @Test
    void aStatusTheRouteDoesNotList_fails() {
        ApiAnswer created = new ApiAnswer(201, JSON, "{\"minNoticeMinutes\":1,\"lateCancelMinutes\":1,\"emergencyAssignMinutes\":1}");

        assertThat(ContractCheck.committed().check(SETTINGS, created)).hasValueSatisfying(v -> assertThat(v)
                .contains("does not list"));
    }

    @Test
    void aProblem_mustCarryACodeTheRouteListsForItsStatus() {
        ApiAnswer listed = new ApiAnswer(401, PROBLEM, problem(401, "UNAUTHENTICATED"));
        ApiAnswer unlisted = new ApiAnswer(409, PROBLEM, problem(409, "MEAL_SOLD_OUT"));

        assertThat(ContractCheck.committed().check(SETTINGS, listed)).isEmpty();
        assertThat(ContractCheck.committed().check(SETTINGS, unlisted)).hasValueSatisfying(v -> assertThat(v)
                .contains("MEAL_SOLD_OUT"));
    }

    @Test
    void aProblemCode_isListedOnlyForTheRoutesThatDeclareIt() {
        ApiAnswer soldOut = new ApiAnswer(409, PROBLEM, problem(409, "MEAL_SOLD_OUT"));

        assertThat(ContractCheck.committed().check(ApiRequest.post("/v1/meal-orders", "{}"), soldOut)).isEmpty();
        assertThat(ContractCheck.committed().check(ApiRequest.get("/v1/meal-points"), soldOut))
                .hasValueSatisfying(v -> assertThat(v).contains("listMealPoints").contains("MEAL_SOLD_OUT is not listed"));
        assertThat(ContractCheck.committed().check(ApiRequest.post("/v1/meal-orders/o1/cancel", "{}"), soldOut))
                .hasValueSatisfying(v -> assertThat(v).contains("cancelMealOrder").contains("MEAL_SOLD_OUT is not listed"));
    }

    @Test
    void aPathTheDocumentDoesNotDescribe_isNotChecked() {
        ApiAnswer anything = new ApiAnswer(200, JSON, "{\"whatever\":true}");

        assertThat(ContractCheck.committed().check(ApiRequest.get("/dev/tokens"), anything)).isEmpty();
    }

    private static String problem(int status, String code) {
        return "{\"type\":\"urn:yiyang:problem:x\",\"title\":\"" + code + "\",\"status\":" + status + ",\"code\":\"" + code
                + "\",\"detail\":\"d\",\"userMessage\":\"请稍后再试。\"}";
    }
}
