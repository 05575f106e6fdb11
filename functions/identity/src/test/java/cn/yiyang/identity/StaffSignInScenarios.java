package cn.yiyang.identity;

import static cn.yiyang.identity.StaffFixtures.COUNTY;
import static cn.yiyang.identity.StaffFixtures.OTHER_COUNTY;
import static cn.yiyang.identity.StaffFixtures.PASSWORD;
import static cn.yiyang.identity.StaffFixtures.claims;
import static cn.yiyang.identity.StaffFixtures.create;
import static cn.yiyang.identity.StaffFixtures.officer;
import static cn.yiyang.identity.StaffFixtures.platform;
import static cn.yiyang.identity.StaffFixtures.refresh;
import static cn.yiyang.identity.StaffFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.identity.staff.SignInGuard;
import cn.yiyang.identity.staff.Totp;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staff accounts and their sign-in, written once and run through every door. */
public abstract class StaffSignInScenarios {

    protected abstract Door door();

    @Test
    void platformCreatesFirstOfficer_whoSignsIn_andTheIssuedTokenIsAcceptedByTheApi() {
        String phone = TestPeople.phone();
        ApiAnswer created = door().send(ApiRequest.post("/v1/staff", """
                {"county":"%s","name":"周主任","phone":"%s","password":"%s","roles":["officer"]}"""
                .formatted(OTHER_COUNTY, phone, PASSWORD)).bearer(platform()).idempotencyKey("first-" + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(phone).doesNotContain(PASSWORD);

        ApiAnswer signedIn = signIn(door(), OTHER_COUNTY, phone, PASSWORD);

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        String access = signedIn.json().path("accessToken").asText();
        JsonNode claims = claims(access);
        assertThat(claims.path("sub").asText()).isEqualTo(created.json().path("id").asText());
        assertThat(claims.path("county").asText()).isEqualTo(OTHER_COUNTY);
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactly("officer");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isLessThanOrEqualTo(900);
        assertThat(StaffFixtures.header(access).path("kid").asText()).isEqualTo(TestKeys.IDENTITY_KID);
        ApiAnswer listed = door().send(ApiRequest.get("/v1/staff").bearer(access));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("items")).extracting(n -> n.path("id").asText()).contains(claims.path("sub").asText());
    }

    @Test
    void platformCreatesOfficersOnly() {
        ApiAnswer refused = door().send(ApiRequest.post("/v1/staff", """
                {"county":"%s","name":"周主任","phone":"%s","password":"%s","roles":["operator"]}"""
                .formatted(COUNTY, TestPeople.phone(), PASSWORD)).bearer(platform()).idempotencyKey("op-" + UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("STAFF_ROLE_NOT_ALLOWED");
    }

    @Test
    void orgClaim_isWhatTheStoreHolds_forACanteenAndACaregiver() {
        var canteen = create(door(), COUNTY, "[\"canteen\"]", "{\"canteen\":[\"mp-b\",\"mp-a\"]}");
        var caregiver = create(door(), COUNTY, "[\"caregiver\"]", "{\"caregiver\":[\"cg-7\"]}");

        JsonNode canteenClaims = claims(signIn(door(), COUNTY, canteen.phone(), PASSWORD).json().path("accessToken").asText());
        JsonNode caregiverClaims = claims(signIn(door(), COUNTY, caregiver.phone(), PASSWORD).json().path("accessToken").asText());

        assertThat(canteenClaims.path("org").toString()).isEqualTo("{\"canteen\":[\"mp-a\",\"mp-b\"]}");
        assertThat(caregiverClaims.path("org").toString()).isEqualTo("{\"caregiver\":[\"cg-7\"]}");
        ApiAnswer stored = door().send(ApiRequest.get("/v1/staff/" + canteen.id()).bearer(officer(COUNTY)));
        assertThat(stored.json().path("org")).isEqualTo(canteenClaims.path("org"));
    }

    @Test
    void aCanteenRoleWithoutMealPoints_isRefused() {
        ApiAnswer refused = door().send(ApiRequest.post("/v1/staff", """
                {"name":"陈晓梅","phone":"%s","password":"%s","roles":["canteen"]}""".formatted(TestPeople.phone(), PASSWORD))
                .bearer(officer(COUNTY)).idempotencyKey("c-" + UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("STAFF_ORG_REQUIRED");
    }

    @Test
    void aWeakPassword_isRefusedWithThePasswordRules() {
        for (String weak : new String[] {"short1", "onlyletterslong", "1234567890123", "aaaaaaaaaa11"}) {
            ApiAnswer refused = door().send(ApiRequest.post("/v1/staff", """
                    {"name":"陈晓梅","phone":"%s","password":"%s","roles":["operator"]}""".formatted(TestPeople.phone(), weak))
                    .bearer(officer(COUNTY)).idempotencyKey("w-" + UUID.randomUUID()));
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.code()).as(weak).isEqualTo("PASSWORD_RULES_NOT_MET");
            assertThat(refused.json().path("userMessage").asText()).contains("密码");
        }
    }

    @Test
    void aWrongPassword_andAnUnknownPhone_getTheSameAnswer() {
        var staff = create(door(), COUNTY, "[\"operator\"]", null);

        ApiAnswer wrong = signIn(door(), COUNTY, staff.phone(), "Wrong-password-1");
        ApiAnswer unknown = signIn(door(), COUNTY, TestPeople.phone(), PASSWORD);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("SIGN_IN_FAILED");
        assertThat(unknown.code()).isEqualTo("SIGN_IN_FAILED");
        assertThat(wrong.json().path("detail")).isEqualTo(unknown.json().path("detail"));
        assertThat(wrong.json().path("userMessage").asText()).isEqualTo("手机号或密码不正确，请核对后再试。");
    }

    @Test
    void afterTheFailureLimit_evenTheRightPasswordIsLockedOut_andSoIsAnUnknownPhone() {
        var staff = create(door(), COUNTY, "[\"operator\"]", null);
        String unknownPhone = TestPeople.phone();

        for (int i = 0; i < SignInGuard.FAILURES_MAX; i++) {
            assertThat(signIn(door(), COUNTY, staff.phone(), "Wrong-password-" + i).code()).isEqualTo("SIGN_IN_FAILED");
            assertThat(signIn(door(), COUNTY, unknownPhone, "Wrong-password-" + i).code()).isEqualTo("SIGN_IN_FAILED");
        }
        ApiAnswer locked = signIn(door(), COUNTY, staff.phone(), PASSWORD);
        ApiAnswer unknownLocked = signIn(door(), COUNTY, unknownPhone, PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("SIGN_IN_LOCKED");
        assertThat(unknownLocked.code()).isEqualTo("SIGN_IN_LOCKED");
    }

    @Test
    void disablingAStaffAccount_refusesItsRefreshTokenAtOnce() {
        var staff = create(door(), COUNTY, "[\"operator\"]", null);
        String refreshToken = signIn(door(), COUNTY, staff.phone(), PASSWORD).json().path("refreshToken").asText();

        ApiAnswer disabled = door().send(ApiRequest.patch("/v1/staff/" + staff.id(), "{\"status\":\"DISABLED\"}")
                .bearer(officer(COUNTY)));
        ApiAnswer refreshed = refresh(door(), refreshToken);
        ApiAnswer signInAgain = signIn(door(), COUNTY, staff.phone(), PASSWORD);

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().path("status").asText()).isEqualTo("DISABLED");
        assertThat(refreshed.status()).isEqualTo(401);
        assertThat(refreshed.code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(signInAgain.code()).isEqualTo("SIGN_IN_FAILED");
    }

    @Test
    void anotherCountysStaffAccount_isNotFound() {
        var staff = create(door(), COUNTY, "[\"operator\"]", null);

        ApiAnswer read = door().send(ApiRequest.get("/v1/staff/" + staff.id()).bearer(officer(OTHER_COUNTY)));

        assertThat(read.status()).isEqualTo(404);
    }

    @Test
    void withTotpEnabled_signInNeedsAFreshCode_andACodeWorksOnce() {
        var staff = create(door(), COUNTY, "[\"approver\"]", null);
        String access = signIn(door(), COUNTY, staff.phone(), PASSWORD).json().path("accessToken").asText();
        ApiAnswer enrolled = door().send(ApiRequest.of("PUT", "/v1/staff/me/totp", "{}").bearer(access));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        byte[] secret = Totp.fromBase32(enrolled.json().path("secret").asText());
        long step = Instant.now().getEpochSecond() / Totp.STEP_SECONDS;
        ApiAnswer confirmed = door().send(ApiRequest.post("/v1/staff/me/totp/confirm",
                "{\"code\":\"" + Totp.code(secret, step) + "\"}").bearer(access).idempotencyKey("totp-" + UUID.randomUUID()));
        assertThat(confirmed.json().path("totpEnabled").asBoolean()).as(confirmed.toString()).isTrue();

        ApiAnswer withoutCode = signIn(door(), COUNTY, staff.phone(), PASSWORD);
        ApiAnswer withCode = signIn(door(), COUNTY, staff.phone(), PASSWORD, Totp.code(secret, step + 1));
        ApiAnswer sameCodeAgain = signIn(door(), COUNTY, staff.phone(), PASSWORD, Totp.code(secret, step + 1));

        assertThat(withoutCode.code()).isEqualTo("TOTP_REQUIRED");
        assertThat(withCode.status()).as(withCode.toString()).isEqualTo(200);
        assertThat(sameCodeAgain.code()).isEqualTo("TOTP_INVALID");
    }
}
