package cn.yiyang.identity;

import static cn.yiyang.identity.StaffFixtures.COUNTY;
import static cn.yiyang.identity.StaffFixtures.PASSWORD;
import static cn.yiyang.identity.StaffFixtures.claims;
import static cn.yiyang.identity.StaffFixtures.create;
import static cn.yiyang.identity.StaffFixtures.refresh;
import static cn.yiyang.identity.StaffFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.identity.tokens.RefreshTokens;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.TestKeys;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Discovery, the JWKS, refresh rotation, reuse and sign-out, through every door. */
public abstract class TokenScenarios {

    protected abstract Door door();

    @AfterEach
    void putTheClockBack() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void discovery_namesTheIssuerAndJwks_withoutAToken_andMayBeCached() {
        ApiAnswer config = door().send(ApiRequest.get("/.well-known/openid-configuration"));
        ApiAnswer jwks = door().send(ApiRequest.get("/.well-known/jwks.json"));

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().path("issuer").asText()).isEqualTo(Tokens.ISSUER);
        assertThat(config.json().path("jwks_uri").asText()).isEqualTo(Tokens.ISSUER + "/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("cache-control")).startsWith("public, max-age=");
        JsonNode key = jwks.json().path("keys").get(0);
        assertThat(key.path("kid").asText()).isEqualTo(TestKeys.IDENTITY_KID);
        assertThat(key.path("alg").asText()).isEqualTo("RS256");
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @Test
    void refresh_rotates_andTheNewAccessTokenCarriesTheSameSubject() {
        var staff = create(door(), COUNTY, "[\"operator\"]", null);
        JsonNode first = signIn(door(), COUNTY, staff.phone(), PASSWORD).json();

        ApiAnswer rotated = refresh(door(), first.path("refreshToken").asText());

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.json().path("refreshToken").asText()).isNotEqualTo(first.path("refreshToken").asText())
                .hasSize(RefreshTokens.TOKEN_CHARS);
        assertThat(claims(rotated.json().path("accessToken").asText()).path("sub").asText()).isEqualTo(staff.id());
        assertThat(refresh(door(), rotated.json().path("refreshToken").asText()).status()).isEqualTo(200);
    }

    @Test
    void aSpentTokenWithinTheGraceWindow_getsTheSamePairAgain() {
        var staff = create(door(), COUNTY, "[\"operator\"]", null);
        String token = signIn(door(), COUNTY, staff.phone(), PASSWORD).json().path("refreshToken").asText();

        ApiAnswer first = refresh(door(), token);
        ApiAnswer doubleTap = refresh(door(), token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(doubleTap.status()).isEqualTo(200);
        assertThat(doubleTap.body()).isEqualTo(first.body());
    }

    @Test
    void aSpentTokenAfterTheGraceWindow_revokesTheWholeFamily() {
        var staff = create(door(), COUNTY, "[\"operator\"]", null);
        String stolen = signIn(door(), COUNTY, staff.phone(), PASSWORD).json().path("refreshToken").asText();
        String legitimate = refresh(door(), stolen).json().path("refreshToken").asText();

        MutableClock.INSTANCE.setTo(Instant.now().plusSeconds(RefreshTokens.REUSE_GRACE_SECONDS + 5));
        ApiAnswer reused = refresh(door(), stolen);
        ApiAnswer afterRevocation = refresh(door(), legitimate);

        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("REFRESH_TOKEN_REUSED");
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.code()).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void signOut_endsTheFamily() {
        var staff = create(door(), COUNTY, "[\"operator\"]", null);
        String token = signIn(door(), COUNTY, staff.phone(), PASSWORD).json().path("refreshToken").asText();

        ApiAnswer out = door().send(ApiRequest.post("/v1/auth/sign-out", "{\"refreshToken\":\"" + token + "\"}"));
        ApiAnswer refreshed = refresh(door(), token);

        assertThat(out.status()).isEqualTo(200);
        assertThat(refreshed.code()).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void anUnknownOrMalformedRefreshToken_isRefused() {
        assertThat(refresh(door(), "x".repeat(RefreshTokens.TOKEN_CHARS)).code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(refresh(door(), "not a token").code()).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void tokensFromAnotherIssuer_orARetiredKey_areRefused() {
        var staff = create(door(), COUNTY, "[\"officer\"]", null);
        String issued = signIn(door(), COUNTY, staff.phone(), PASSWORD).json().path("accessToken").asText();
        String otherIssuer = Tokens.valid(COUNTY, staff.id(), Role.OFFICER).claim("iss", "https://auth.elsewhere.test")
                .header("kid", TestKeys.IDENTITY_KID).signRs256(TestKeys.IDENTITY.getPrivate());
        String retiredKey = Tokens.valid(COUNTY, staff.id(), Role.OFFICER).header("kid", "retired-2025")
                .signRs256(TestKeys.ATTACKER_RSA.getPrivate());

        assertThat(door().send(ApiRequest.get("/v1/staff").bearer(issued)).status()).isEqualTo(200);
        assertThat(door().send(ApiRequest.get("/v1/staff").bearer(otherIssuer)).status()).isEqualTo(401);
        assertThat(door().send(ApiRequest.get("/v1/staff").bearer(retiredKey)).status()).isEqualTo(401);
    }
}
