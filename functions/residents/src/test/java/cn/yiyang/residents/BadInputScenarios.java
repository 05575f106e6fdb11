package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.COUNTY;
import static cn.yiyang.residents.ResidentFixtures.officer;
import static cn.yiyang.residents.ResidentFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestPeople;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven bad input: each case is a request and the 4xx status, code and (where a field is
 * at fault) the field and reason it must be answered with. Never a 500, never a stack trace or a
 * class name, always problem+json with a plain-Chinese userMessage, and nothing written.
 */
public abstract class BadInputScenarios {

    protected abstract Door door();

    static final String ID = "${ID}";
    static final String VALID = """
            {"name":"赵大爷","idNumber":"${ID}","phone":"13900001111",
             "address":{"streetCode":"330105001","line":"文一路 1 号"}}""";

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                bad("name is a number", VALID.replace("\"赵大爷\"", "12"), 400, "VALIDATION_FAILED", "name", "WRONG_TYPE"),
                bad("abilityLevel as a string", withField("\"abilityLevel\":\"2\""), 400, "VALIDATION_FAILED", "abilityLevel", "WRONG_TYPE"),
                bad("abilityLevel a fraction", withField("\"abilityLevel\":1.5"), 400, "VALIDATION_FAILED", "abilityLevel", "WRONG_TYPE"),
                bad("abilityLevel 1e400", withField("\"abilityLevel\":1e400"), 400, "VALIDATION_FAILED", "abilityLevel", "WRONG_TYPE"),
                bad("abilityLevel out of range", withField("\"abilityLevel\":9"), 400, "VALIDATION_FAILED", "abilityLevel", "OUT_OF_RANGE"),
                bad("a 1000-digit number", withField("\"abilityLevel\":" + "9".repeat(1000)), 400, "MALFORMED_JSON", null, null),
                bad("NaN", withField("\"abilityLevel\":NaN"), 400, "MALFORMED_JSON", null, null),
                bad("categories not a list", withField("\"categories\":\"DUJU\""), 400, "VALIDATION_FAILED", "categories", "WRONG_TYPE"),
                bad("unknown category", withField("\"categories\":[\"VIP\"]"), 400, "VALIDATION_FAILED", "categories[0]", "WRONG_TYPE"),
                bad("失能 without level", withField("\"categories\":[\"SHINENG\"]"), 400, "VALIDATION_FAILED", "disabilityLevel", "REQUIRED"),
                bad("address is a list", VALID.replaceFirst("\\{\"streetCode\":\"330105001\",\"line\":\"文一路 1 号\"}", "[]"), 400, "VALIDATION_FAILED", "address", "WRONG_TYPE"),
                bad("missing idNumber", VALID.replace("\"idNumber\":\"${ID}\",", ""), 400, "VALIDATION_FAILED", "idNumber", "REQUIRED"),
                bad("missing address", VALID.replaceFirst(",\\s*\"address\":\\{[^}]*}", ""), 400, "VALIDATION_FAILED", "address", "REQUIRED"),
                bad("unknown field (mass assignment)", withField("\"county\":\"320303\""), 400, "VALIDATION_FAILED", "county", "UNKNOWN_FIELD"),
                bad("unknown nested field", VALID.replace("\"line\":", "\"verified\":true,\"line\":"), 400, "VALIDATION_FAILED", "address.verified", "UNKNOWN_FIELD"),
                bad("bad checksum", VALID.replace(ID, "110105194912310021"), 400, "VALIDATION_FAILED", "idNumber", "BAD_CHECKSUM"),
                bad("15-digit ID number", VALID.replace(ID, "330105491231002"), 400, "VALIDATION_FAILED", "idNumber", "WRONG_LENGTH"),
                bad("impossible birth date", VALID.replace(ID, withCheck("33010519990230001")), 400, "VALIDATION_FAILED", "idNumber", "IMPOSSIBLE_BIRTH_DATE"),
                bad("birth date in the future", VALID.replace(ID, withCheck("33010521990101001")), 400, "VALIDATION_FAILED", "idNumber", "IMPOSSIBLE_BIRTH_DATE"),
                bad("letters in the ID number", VALID.replace(ID, "33010519491231A02X"), 400, "VALIDATION_FAILED", "idNumber", "NOT_DIGITS"),
                bad("phone of 10 digits", VALID.replace("13900001111", "1390000111"), 400, "VALIDATION_FAILED", "phone", "WRONG_LENGTH"),
                bad("phone with a bad prefix", VALID.replace("13900001111", "12900001111"), 400, "VALIDATION_FAILED", "phone", "BAD_PREFIX"),
                bad("phone not digits", VALID.replace("13900001111", "139OOOO1111"), 400, "VALIDATION_FAILED", "phone", "NOT_DIGITS"),
                bad("street in another county", VALID.replace("330105001", "320303001"), 400, "VALIDATION_FAILED", "address.streetCode", "OTHER_COUNTY"),
                bad("name with digits", VALID.replace("赵大爷", "赵1"), 400, "VALIDATION_FAILED", "name", "BAD_NAME"),
                bad("duplicate keys", VALID.replace("{\"name\":\"赵大爷\",", "{\"name\":\"赵大爷\",\"name\":\"钱大爷\","), 400, "MALFORMED_JSON", null, null),
                bad("2,000-deep nesting", withField("\"x\":" + "[".repeat(2000) + "]".repeat(2000)), 400, "MALFORMED_JSON", null, null),
                bad("trailing garbage", VALID + "}", 400, "MALFORMED_JSON", null, null),
                bad("not JSON at all", "name=赵大爷", 400, "MALFORMED_JSON", null, null),
                bad("a JSON array", "[]", 400, "MALFORMED_JSON", null, null),
                bad("an empty body", "", 400, "MALFORMED_JSON", null, null),
                bad("JSON null", "null", 400, "MALFORMED_JSON", null, null),
                bad("a 1 MB body", withField("\"pad\":\"" + "x".repeat(1024 * 1024) + "\""), 413, "BODY_TOO_LARGE", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badRegistration_isAnsweredWithAClear4xx_andRegistersNothing(String name, String template, int status,
                                                                    String code, String field, String reason) {
        String idNumber = TestPeople.idNumber(LocalDate.of(1945, 5, 5));
        ApiAnswer answer = door().send(ApiRequest.post("/v1/residents", template.replace(ID, idNumber))
                .bearer(officer(COUNTY)).idempotencyKey("bad-" + UUID.randomUUID()));

        assertProblem(answer, status, code);
        if (field != null) {
            assertThat(answer.json().path("errors").toString()).contains("\"field\":\"" + field + "\"")
                    .contains("\"code\":\"" + reason + "\"");
        }
        ApiAnswer found = door().send(ApiRequest.get("/v1/residents").query("idNumber", idNumber).bearer(officer(COUNTY)));
        assertThat(found.json().path("items")).as("nothing was registered").isEmpty();
    }

    static Stream<Arguments> otherBadRequests() {
        String someone = "00000000-0000-0000-0000-000000000000";
        return Stream.of(
                Arguments.of("text/plain body", (Supplier<ApiRequest>) () -> ApiRequest.post("/v1/residents", VALID)
                        .header("content-type", "text/plain").bearer(officer(COUNTY)).idempotencyKey("k-" + UUID.randomUUID()), 415, "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("idempotency key too short", (Supplier<ApiRequest>) () -> ApiRequest.post("/v1/residents", VALID)
                        .bearer(officer(COUNTY)).idempotencyKey("short"), 400, "IDEMPOTENCY_KEY_INVALID"),
                Arguments.of("look-up without a parameter", (Supplier<ApiRequest>) () -> ApiRequest.get("/v1/residents").bearer(operator(COUNTY)), 400, "MISSING_PARAMETER"),
                Arguments.of("look-up with both parameters", (Supplier<ApiRequest>) () -> ApiRequest.get("/v1/residents")
                        .query("phone", "13900001111").query("idNumber", "330105194505050011").bearer(operator(COUNTY)), 400, "MISSING_PARAMETER"),
                Arguments.of("look-up by a bad phone", (Supplier<ApiRequest>) () -> ApiRequest.get("/v1/residents").query("phone", "123").bearer(operator(COUNTY)), 400, "VALIDATION_FAILED"),
                Arguments.of("look-up by a bad ID number", (Supplier<ApiRequest>) () -> ApiRequest.get("/v1/residents").query("idNumber", "330105194505050010").bearer(operator(COUNTY)), 400, "VALIDATION_FAILED"),
                Arguments.of("a query value of 1,000 characters", (Supplier<ApiRequest>) () -> ApiRequest.get("/v1/residents").query("phone", "1".repeat(1000)).bearer(operator(COUNTY)), 400, "VALIDATION_FAILED"),
                Arguments.of("an id that is not a UUID", (Supplier<ApiRequest>) () -> ApiRequest.get("/v1/residents/not-a-uuid").bearer(operator(COUNTY)), 404, "NOT_FOUND"),
                Arguments.of("a patch with an unknown field", (Supplier<ApiRequest>) () -> ApiRequest.patch("/v1/residents/" + someone, "{\"idNumber\":\"x\"}").bearer(officer(COUNTY)), 400, "VALIDATION_FAILED"),
                Arguments.of("a patch with a wrong status", (Supplier<ApiRequest>) () -> ApiRequest.patch("/v1/residents/" + someone, "{\"status\":\"GONE\"}").bearer(officer(COUNTY)), 400, "VALIDATION_FAILED"),
                Arguments.of("a family link without relation", (Supplier<ApiRequest>) () -> ApiRequest.post("/v1/residents/" + someone + "/family-links", "{\"familySubject\":\"wx-1\"}")
                        .bearer(officer(COUNTY)).idempotencyKey("k-" + UUID.randomUUID()), 400, "VALIDATION_FAILED"),
                Arguments.of("usage with a bad month", (Supplier<ApiRequest>) () -> ApiRequest.get("/v1/usage").query("month", "2026-13").bearer(officer(COUNTY)), 400, "VALIDATION_FAILED"),
                Arguments.of("an unknown route", (Supplier<ApiRequest>) () -> ApiRequest.get("/v1/nothing-here").bearer(officer(COUNTY)), 404, "ROUTE_NOT_FOUND"),
                Arguments.of("a method the path does not take", (Supplier<ApiRequest>) () -> ApiRequest.of("DELETE", "/v1/residents/" + someone, null).bearer(officer(COUNTY)), 405, "METHOD_NOT_ALLOWED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherBadRequests")
    void otherBadRequests_areAnsweredWithAClear4xx(String name, Supplier<ApiRequest> request, int status, String code) {
        assertProblem(door().send(request.get()), status, code);
    }

    static void assertProblem(ApiAnswer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString().substring(0, Math.min(400, answer.toString().length()))).isEqualTo(status);
        assertThat(answer.isProblem()).as("problem+json").isTrue();
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.json().path("userMessage").asText()).as("a plain-Chinese message").matches(".*\\p{IsHan}.*");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("cn.yiyang")
                .doesNotContain("com.fasterxml").doesNotContain("org.hibernate");
    }

    private static Arguments bad(String name, String body, int status, String code, String field, String reason) {
        return Arguments.of(name, body, status, code, field, reason);
    }

    private static String withField(String field) {
        return VALID.replaceFirst("\\{", "{" + field + ",");
    }

    private static String withCheck(String first17) {
        return first17 + TestPeople.checkDigit(first17);
    }
}
