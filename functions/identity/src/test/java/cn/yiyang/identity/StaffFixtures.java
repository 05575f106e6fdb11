package cn.yiyang.identity;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Staff accounts and sign-ins the identity scenarios build again and again. */
public final class StaffFixtures {

    public static final String COUNTY = "330105";
    public static final String OTHER_COUNTY = "320303";
    public static final String PASSWORD = "Yiyang2026safe";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StaffFixtures() {
    }

    public static String platform() {
        return Tokens.of("330105", "platform-ops", Role.PLATFORM);
    }

    /** A dev-forged officer token: only to create the accounts a scenario signs in with. */
    public static String officer(String county) {
        return Tokens.of(county, "officer-" + county, Role.OFFICER);
    }

    public record Staff(String id, String phone, String password) {
    }

    /** Creates a staff account through the API and returns its id and credentials. */
    public static Staff create(Door door, String county, String rolesJson, String orgJson) {
        String phone = TestPeople.phone();
        String body = """
                {"name":"陈晓梅","phone":"%s","password":"%s","roles":%s%s}"""
                .formatted(phone, PASSWORD, rolesJson, orgJson == null ? "" : ",\"org\":" + orgJson);
        ApiAnswer created = door.send(ApiRequest.post("/v1/staff", body).bearer(officer(county))
                .idempotencyKey("staff-" + UUID.randomUUID()));
        if (created.status() != 201) {
            throw new AssertionError("fixture staff creation failed: " + created);
        }
        return new Staff(created.json().path("id").asText(), phone, PASSWORD);
    }

    public static ApiAnswer signIn(Door door, String county, String phone, String password) {
        return door.send(ApiRequest.post("/v1/auth/staff/sign-in", """
                {"county":"%s","phone":"%s","password":"%s"}""".formatted(county, phone, password)));
    }

    public static ApiAnswer signIn(Door door, String county, String phone, String password, String totpCode) {
        return door.send(ApiRequest.post("/v1/auth/staff/sign-in", """
                {"county":"%s","phone":"%s","password":"%s","totpCode":"%s"}""".formatted(county, phone, password, totpCode)));
    }

    public static ApiAnswer refresh(Door door, String refreshToken) {
        return door.send(ApiRequest.post("/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}"));
    }

    /** The claims of a JWT, read without verifying (the API verifies; the test only looks). */
    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    public static JsonNode header(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
