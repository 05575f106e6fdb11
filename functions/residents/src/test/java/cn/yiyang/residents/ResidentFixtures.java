package cn.yiyang.residents;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import java.util.UUID;

/** Requests the residents scenarios build again and again. */
public final class ResidentFixtures {

    public static final String COUNTY = "330105";
    public static final String OTHER_COUNTY = "320303";
    public static final String STREET = "330105001";

    private ResidentFixtures() {
    }

    public static String officer(String county) {
        return Tokens.of(county, "officer-" + county, Role.OFFICER);
    }

    public static String operator(String county) {
        return Tokens.of(county, "operator-" + county, Role.OPERATOR);
    }

    public static String registration(String idNumber, String phone) {
        return """
                {"name":"王秀英","idNumber":"%s","phone":"%s",
                 "address":{"streetCode":"%s","communityCode":"%s001","line":"文三路 18 号 2 幢 301"},
                 "categories":["DUJU","SHINENG"],"disabilityLevel":"MODERATE","abilityLevel":2,
                 "emergencyContact":{"name":"李明","relation":"儿子","phone":"%s"}}"""
                .formatted(idNumber, phone, STREET, STREET, TestPeople.phone());
    }

    public static ApiRequest register(String token, String body) {
        return ApiRequest.post("/v1/residents", body).bearer(token).idempotencyKey("reg-" + UUID.randomUUID());
    }

    /** Registers a fresh resident in the county and returns the 201 answer. */
    public static ApiAnswer registerFresh(Door door, String county) {
        String body = registration(TestPeople.idNumber(), TestPeople.phone())
                .replace("\"streetCode\":\"" + STREET, "\"streetCode\":\"" + county + "001")
                .replace("\"communityCode\":\"" + STREET, "\"communityCode\":\"" + county + "001");
        ApiAnswer answer = door.send(register(officer(county), body));
        if (answer.status() != 201) {
            throw new AssertionError("fixture registration failed: " + answer);
        }
        return answer;
    }
}
