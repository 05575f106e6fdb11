package cn.yiyang.residents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.JwtForge;
import cn.yiyang.testing.TestKeys;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forged, tampered, stale, malformed and missing tokens, written once and run through every door:
 * each must be answered 401 with one generic problem (never a 5xx, never a stack trace), while a
 * good RS256 and a good ES256 token read the same route, so the suite can fail.
 *
 * <p>The cases are named by string and built when the test runs (they carry the current time),
 * so nothing but a string crosses JUnit's and Quarkus's class loaders.
 */
public abstract class JwtAttackScenarios {

    private static final String COUNTY = ResidentFixtures.COUNTY;
    private static final String SUBJECT = "officer-" + COUNTY;
    private static final String MONTH = "2026-11";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Case name → the Authorization header to send (null: send none). */
    private static final Map<String, Supplier<String>> ATTACKS = table();

    protected abstract Door door();

    // ---- controls: the route answers 200 to a good token, so a refusal below means something ----

    @Test
    void aGoodRs256Token_readsTheProtectedRoute() {
        ApiAnswer answer = usage("Bearer " + officer().signRs256(TestKeys.RSA.getPrivate()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("county").asText()).isEqualTo(COUNTY);
    }

    @Test
    void aGoodEs256Token_readsTheProtectedRoute() {
        ApiAnswer answer = usage("Bearer " + officer().header("kid", TestKeys.EC_KID).signEs256(TestKeys.EC.getPrivate()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("county").asText()).isEqualTo(COUNTY);
    }

    @Test
    void aValidTokenForAnotherRole_isAnswered403_not401() {
        ApiAnswer answer = usage(Tokens.bearer(COUNTY, "resident-" + COUNTY, Role.RESIDENT));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
        assertThat(answer.header("www-authenticate")).isNull();
    }

    // ---- attacks ----

    static Stream<String> attacks() {
        return ATTACKS.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyForgedOrInvalidToken_isAnswered401_neverA5xx(String attack) {
        String authorization = ATTACKS.get(attack).get();

        ApiAnswer answer = usage(authorization);

        assertThat(answer.status()).as("%s -> %s", attack, answer).isLessThan(500);
        assertThat(answer.status()).as("%s -> %s", attack, answer).isEqualTo(401);
        assertThat(answer.header("content-type")).as(attack).startsWith("application/problem+json");
        assertThat(answer.code()).as(attack).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.header("www-authenticate")).as(attack).isNotBlank();
        assertThat(answer.body()).as(attack)
                .doesNotContain("Exception")
                .doesNotContain("at cn.")
                .doesNotContain("cn.yiyang")
                .doesNotContain("io.smallrye")
                .doesNotContain("jose4j")
                .doesNotContain("java.");
    }

    // ---- the table ----

    private static Map<String, Supplier<String>> table() {
        Map<String, Supplier<String>> a = new LinkedHashMap<>();
        PrivateKey trusted = TestKeys.RSA.getPrivate();
        PrivateKey attacker = TestKeys.ATTACKER_RSA.getPrivate();

        // algorithm games
        a.put("alg none, unsigned", () -> bearer(officer().unsigned()));
        a.put("alg none, with a dummy signature part", () -> bearer(officer().unsigned() + "c2lnbmF0dXJl"));
        a.put("HS256 keyed with the trusted RSA public key's encoded bytes",
                () -> bearer(officer().signHs256(TestKeys.RSA.getPublic().getEncoded())));
        a.put("HS256 keyed with the JWKS text", () -> bearer(officer().signHs256(TestKeys.jwks().getBytes(StandardCharsets.UTF_8))));

        // tampering
        a.put("payload swapped for platform in another county, old signature kept", () -> {
            String[] good = officer().signRs256(trusted).split("\\.");
            String[] raised = officer().claim("groups", List.of(Role.PLATFORM.claim()))
                    .claim("county", ResidentFixtures.OTHER_COUNTY).signRs256(trusted).split("\\.");
            return bearer(good[0] + "." + raised[1] + "." + good[2]);
        });

        // time
        a.put("expired ten minutes ago", () -> {
            long now = now();
            return bearer(officer().claim("iat", now - 1200).claim("exp", now - 600).signRs256(trusted));
        });
        a.put("not before ten minutes from now", () -> bearer(officer().claim("nbf", now() + 600).signRs256(trusted)));
        a.put("lifetime of two hours, over the maximum", () -> {
            long now = now();
            return bearer(officer().claim("iat", now).claim("exp", now + 7200).signRs256(trusted));
        });

        // who issued it, for whom
        a.put("wrong issuer", () -> bearer(officer().claim("iss", "https://auth.evil.test").signRs256(trusted)));
        a.put("wrong audience", () -> bearer(officer().claim("aud", "another-api").signRs256(trusted)));

        // required claims
        for (String claim : new String[] {"exp", "sub", "county", "groups"}) {
            a.put("missing " + claim, () -> bearer(officer().claim(claim, null).signRs256(trusted)));
        }
        a.put("missing iat", () -> bearer(officer().claim("iat", null).signRs256(trusted)));

        // county not a division code
        a.put("county of five digits", () -> bearer(officer().claim("county", "33010").signRs256(trusted)));
        a.put("county of seven digits", () -> bearer(officer().claim("county", "3301050").signRs256(trusted)));
        a.put("county of letters", () -> bearer(officer().claim("county", "abcdef").signRs256(trusted)));
        a.put("county starting with 0", () -> bearer(officer().claim("county", "030105").signRs256(trusted)));
        a.put("county as a JSON number", () -> bearer(officer().claim("county", 330105).signRs256(trusted)));
        a.put("county as an array", () -> bearer(officer().claim("county", List.of(COUNTY)).signRs256(trusted)));
        a.put("a well-formed county this deployment does not serve", () -> bearer(officer().claim("county", "110105").signRs256(trusted)));
        a.put("org claim as a string", () -> bearer(officer().claim("org", "canteen").signRs256(trusted)));
        a.put("org claim with a number for an id", () -> bearer(officer().claim("org", Map.of("canteen", List.of(7))).signRs256(trusted)));
        a.put("org claim with an id of 100 characters", () -> bearer(officer()
                .claim("org", Map.of("canteen", List.of("x".repeat(100)))).signRs256(trusted)));

        // keys the API does not trust
        a.put("kid ../../dev/null, signed by the attacker",
                () -> bearer(officer().header("kid", "../../dev/null").signRs256(attacker)));
        a.put("kid ' OR 1=1 --, signed by the attacker",
                () -> bearer(officer().header("kid", "' OR 1=1 --").signRs256(attacker)));
        a.put("kid test-rsa, signed by the attacker's valid key", () -> bearer(officer().signRs256(attacker)));
        a.put("no kid, signed by the attacker", () -> {
            JwtForge noKid = new JwtForge();
            officer().claims().forEach(noKid::claim);
            return bearer(noKid.signRs256(attacker));
        });
        a.put("jwk header embedding the attacker's key, signed by the attacker", () -> bearer(officer()
                .header("kid", "attacker")
                .header("jwk", map(TestKeys.rsaJwk((RSAPublicKey) TestKeys.ATTACKER_RSA.getPublic(), "attacker")))
                .signRs256(attacker)));
        a.put("jku header pointing at 127.0.0.1:9, signed by the attacker", () -> bearer(officer()
                .header("kid", "attacker")
                .header("jku", "http://127.0.0.1:9/jwks")
                .signRs256(attacker)));
        a.put("alg ES256 in the header over an RS256 signature by the trusted key", () -> bearer(officer()
                .header("alg", "ES256").signRs256(trusted)));

        // not a compact JWS at all
        a.put("malformed: abc", () -> "Bearer abc");
        a.put("malformed: a.b", () -> "Bearer a.b");
        a.put("malformed: a.b.c.d", () -> "Bearer a.b.c.d");
        a.put("malformed: a.b.c (three base64url parts, not JSON)", () -> "Bearer a.b.c");
        a.put("malformed: non-base64 parts", () -> "Bearer !!!.@@@.###");
        a.put("malformed: standard base64 with + / =", () -> {
            String[] good = officer().signRs256(trusted).split("\\.");
            return "Bearer " + good[0] + "+/=." + good[1] + "." + good[2];
        });
        a.put("malformed: empty Bearer", () -> "Bearer ");
        a.put("malformed: header part not JSON", () -> {
            String[] good = officer().signRs256(trusted).split("\\.");
            return "Bearer " + b64("not json") + "." + good[1] + "." + good[2];
        });
        a.put("a 100 KB token, otherwise valid", () -> bearer(officer().claim("padding", "x".repeat(100 * 1024)).signRs256(trusted)));

        // not a bearer credential
        a.put("Basic scheme", () -> "Basic xyz");
        a.put("Basic scheme carrying a good token", () -> "Basic " + officer().signRs256(trusted));
        a.put("good token without the Bearer scheme", () -> officer().signRs256(trusted));
        a.put("no Authorization header", () -> null);
        return a;
    }

    // ---- helpers ----

    private ApiAnswer usage(String authorization) {
        ApiRequest request = ApiRequest.get("/v1/usage").query("month", MONTH);
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        return door().send(request);
    }

    /** A valid officer token for the county, ready to be spoiled before signing. */
    private static JwtForge officer() {
        return Tokens.valid(COUNTY, SUBJECT, Role.OFFICER);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
