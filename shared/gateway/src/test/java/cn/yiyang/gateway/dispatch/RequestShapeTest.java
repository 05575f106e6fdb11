package cn.yiyang.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.kernel.text.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a request becomes its record: where each field comes from, what is refused, and the text rule everywhere. */
class RequestShapeTest {

    enum Slot { LUNCH, DINNER }

    record Address(String streetCode, @Text(maxChars = 10) String line) {
    }

    record Place(String id, @Text(maxChars = 20) String name, Integer seats, Slot slot, LocalDate date,
                 Address address, List<String> tags, List<Address> more) {
    }

    record Find(String phone, Integer limit, Boolean active) {
    }

    private static final Route.Builder IN = Route.in("test");
    private static final Route PLACE = IN.post("/v1/points/{id}/places", "place", Role.OFFICER);
    private static final Route FIND = IN.get("/v1/things", "find", Role.OFFICER);
    private static final Route APPROVE = IN.post("/v1/things/{id}/approve", "approve", Role.APPROVER);
    private static final Route LIST = IN.get("/v1/things/all", "all", Role.OFFICER);

    private static RequestShape.Bound bind(Route route, Class<?> type, Map<String, String> path,
                                           Map<String, String> query, String body) {
        return RequestShape.of(route, type).bind(path, query, body);
    }

    @Test
    void pathQueryAndBody_fillOneRecord_eachFromItsOwnPlace() {
        Place place = (Place) bind(PLACE, Place.class, Map.of("id", "p-1"), Map.of(), """
                {"name":"  西湖食堂 ","seats":80,"slot":"LUNCH","date":"2026-12-02",
                 "address":{"streetCode":"330105001","line":"文三路\\r\\n100号"},"tags":[" 助餐 "],
                 "more":[{"streetCode":"1","line":" x "}]}""").request();

        assertThat(place).isEqualTo(new Place("p-1", "西湖食堂", 80, Slot.LUNCH, LocalDate.of(2026, 12, 2),
                new Address("330105001", "文三路\n100号"), List.of("助餐"), List.of(new Address("1", "x"))));
    }

    @Test
    void queryValues_areParsedForNumberAndBooleanFields() {
        Find find = (Find) bind(FIND, Find.class, Map.of(), Map.of("phone", "138 0571 0002", "limit", "5",
                "active", "true"), null).request();

        assertThat(find).isEqualTo(new Find("138 0571 0002", 5, true));
    }

    @Test
    void anEmptyQueryValue_isAbsent() {
        Find find = (Find) bind(FIND, Find.class, Map.of(), Map.of("phone", ""), null).request();

        assertThat(find.phone()).isNull();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("unknown query parameter", FIND, Find.class, Map.of(), Map.of("phone2", "1"), null,
                        "VALIDATION_FAILED", "phone2", "UNKNOWN_FIELD"),
                Arguments.of("number field given text in the query", FIND, Find.class, Map.of(), Map.of("limit", "five"),
                        null, "VALIDATION_FAILED", "limit", "WRONG_TYPE"),
                Arguments.of("boolean field given yes", FIND, Find.class, Map.of(), Map.of("active", "yes"), null,
                        "VALIDATION_FAILED", "active", "WRONG_TYPE"),
                Arguments.of("a path field sent in the body", PLACE, Place.class, Map.of("id", "p-1"), Map.of(),
                        "{\"id\":\"p-2\",\"name\":\"a\"}", "VALIDATION_FAILED", "id", "UNKNOWN_FIELD"),
                Arguments.of("a field in the query and the body", PLACE, Place.class, Map.of("id", "p-1"),
                        Map.of("name", "a"), "{\"name\":\"b\"}", "VALIDATION_FAILED", "name", "GIVEN_TWICE"),
                Arguments.of("NUL in a body field", PLACE, Place.class, Map.of("id", "p-1"), Map.of(),
                        "{\"name\":\"a\\u0000b\"}", "VALIDATION_FAILED", "name", "CONTROL_CHARACTER"),
                Arguments.of("NUL in a nested field", PLACE, Place.class, Map.of("id", "p-1"), Map.of(),
                        "{\"address\":{\"line\":\"a\\u0000\"}}", "VALIDATION_FAILED", "address.line", "CONTROL_CHARACTER"),
                Arguments.of("lone surrogate in a list element", PLACE, Place.class, Map.of("id", "p-1"), Map.of(),
                        "{\"tags\":[\"ok\",\"\\ud800\"]}", "VALIDATION_FAILED", "tags[1]", "UNPAIRED_SURROGATE"),
                Arguments.of("control character in a list of records", PLACE, Place.class, Map.of("id", "p-1"), Map.of(),
                        "{\"more\":[{\"line\":\"\\u0007\"}]}", "VALIDATION_FAILED", "more[0].line", "CONTROL_CHARACTER"),
                Arguments.of("NUL in a path value", PLACE, Place.class, Map.of("id", "p\u00001"), Map.of(), "{\"name\":\"a\"}",
                        "VALIDATION_FAILED", "id", "CONTROL_CHARACTER"),
                Arguments.of("NUL in a query value", FIND, Find.class, Map.of(), Map.of("phone", "1\u00002"), null,
                        "VALIDATION_FAILED", "phone", "CONTROL_CHARACTER"),
                Arguments.of("NUL in an enum field", PLACE, Place.class, Map.of("id", "p-1"), Map.of(),
                        "{\"slot\":\"LUNCH\\u0000\"}", "VALIDATION_FAILED", "slot", "CONTROL_CHARACTER"),
                Arguments.of("a field over its length in characters", PLACE, Place.class, Map.of("id", "p-1"), Map.of(),
                        "{\"address\":{\"line\":\"" + "路".repeat(11) + "\"}}", "VALIDATION_FAILED", "address.line", "TOO_LONG"),
                Arguments.of("an unknown body field", PLACE, Place.class, Map.of("id", "p-1"), Map.of(),
                        "{\"name\":\"a\",\"price\":1}", "VALIDATION_FAILED", "price", "UNKNOWN_FIELD"),
                Arguments.of("an empty body where one is read", PLACE, Place.class, Map.of("id", "p-1"), Map.of(), "",
                        "MALFORMED_JSON", null, null),
                Arguments.of("garbage on a route with no body fields", APPROVE, ById.class, Map.of("id", "t-1"), Map.of(),
                        "{not json", "MALFORMED_JSON", null, null),
                Arguments.of("a JSON array on a bodyless route", APPROVE, ById.class, Map.of("id", "t-1"), Map.of(), "[]",
                        "MALFORMED_JSON", null, null),
                Arguments.of("a field on a bodyless route", APPROVE, ById.class, Map.of("id", "t-1"), Map.of(),
                        "{\"amountFen\":1}", "VALIDATION_FAILED", "amountFen", "UNKNOWN_FIELD"),
                Arguments.of("a field on a route that takes nothing", LIST, NoInput.class, Map.of(), Map.of(),
                        "{\"x\":1}", "VALIDATION_FAILED", "x", "UNKNOWN_FIELD"),
                Arguments.of("a query parameter on a route that takes nothing", LIST, NoInput.class, Map.of(),
                        Map.of("page", "2"), null, "VALIDATION_FAILED", "page", "UNKNOWN_FIELD"),
                Arguments.of("a body on a GET", FIND, Find.class, Map.of(), Map.of(), "{oops", "MALFORMED_JSON", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyMalformedRequest_isRefusedBeforeAnyHandlerRuns(String name, Route route, Class<?> type,
                                                            Map<String, String> path, Map<String, String> query,
                                                            String body, String code, String field, String fieldCode) {
        assertThatThrownBy(() -> bind(route, type, path, query, body))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code().name()).isEqualTo(code);
                    assertThat(e.code().httpStatus()).isEqualTo(400);
                    if (field != null) {
                        assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::code)
                                .contains(org.assertj.core.groups.Tuple.tuple(field, fieldCode));
                    }
                });
    }

    @Test
    void aBodylessRoute_acceptsNoBodyOrAnEmptyObject() {
        assertThat(bind(APPROVE, ById.class, Map.of("id", "t-1"), Map.of(), null).request()).isEqualTo(new ById("t-1"));
        assertThat(bind(APPROVE, ById.class, Map.of("id", "t-1"), Map.of(), " {} ").request()).isEqualTo(new ById("t-1"));
        assertThat(bind(LIST, NoInput.class, Map.of(), Map.of(), "").request()).isEqualTo(NoInput.INSTANCE);
    }

    @Test
    void theFingerprintTree_isTheNormalisedRequest_soEquivalentBodiesMatch() {
        RequestShape shape = RequestShape.of(PLACE, Place.class);
        String a = cn.yiyang.kernel.json.StrictJson.canonical(
                shape.bind(Map.of("id", "p-1"), Map.of(), "{\"name\":\" 食堂\",\"seats\":1}").tree());
        String b = cn.yiyang.kernel.json.StrictJson.canonical(
                shape.bind(Map.of("id", "p-1"), Map.of(), "{ \"seats\" : 1, \"name\" : \"食堂 \" }").tree());

        assertThat(a).isEqualTo(b);
    }

    @Test
    void aRecordWithoutAFieldForAPathParameter_failsAtBindingTime() {
        assertThatThrownBy(() -> RequestShape.of(PLACE, Find.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no field id");
    }

    @Test
    void aRequestTypeThatIsNotARecord_failsAtBindingTime() {
        assertThatThrownBy(() -> RequestShape.of(FIND, String.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a record");
    }
}
