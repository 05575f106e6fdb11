package cn.yiyang.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The accepted tokens the authenticator keeps: the same token again is taken on its earlier verification
 * (the real SmallRye parser runs once), never past the token's expiry nor {@link JwtAuthenticator#VERIFIED_REUSE_SECONDS}
 * after it, and a refused token is verified, and refused, every time.
 */
class JwtAuthenticatorTest {

    private static final String ISSUER = SignedTokens.ISSUER;
    private static final String COUNTY = "330105";

    private static KeyPair keys;
    private static KeyPair otherKeys;
    private CountingParser parser;
    private MovableClock clock;
    private JwtAuthenticator authenticator;

    @BeforeAll
    static void makeKeys() {
        keys = SignedTokens.newKeyPair();
        otherKeys = SignedTokens.newKeyPair();
    }

    @BeforeEach
    void start() {
        parser = new CountingParser(new DefaultJWTParser(new JWTAuthContextInfo((RSAPublicKey) keys.getPublic(), ISSUER)));
        clock = new MovableClock(Instant.now());
        authenticator = new JwtAuthenticator(parser, Optional.of(List.of(COUNTY)), clock);
    }

    @Test
    void theSameTokenAgain_isTheSameCaller_verifiedOnce() {
        String token = token(keys, "officer-1", COUNTY, 600);

        Caller first = authenticator.authenticate("Bearer " + token);
        Caller second = authenticator.authenticate("Bearer " + token);

        assertThat(first).isEqualTo(new Caller("officer-1", COUNTY, Set.of(Role.OFFICER), Map.of()));
        assertThat(second).isEqualTo(first);
        assertThat(parser.parsed).isEqualTo(1);
    }

    @Test
    void anotherToken_ofTheSameCaller_isVerifiedOnItsOwn() {
        authenticator.authenticate("Bearer " + token(keys, "officer-1", COUNTY, 600));
        authenticator.authenticate("Bearer " + token(keys, "officer-1", COUNTY, 601));

        assertThat(parser.parsed).isEqualTo(2);
    }

    @Test
    void aKeptToken_isVerifiedAgain_atItsExpiry() {
        String token = token(keys, "officer-1", COUNTY, 60);
        authenticator.authenticate("Bearer " + token);

        clock.move(Duration.ofSeconds(59));
        authenticator.authenticate("Bearer " + token);
        assertThat(parser.parsed).isEqualTo(1);

        clock.move(Duration.ofSeconds(1));
        authenticator.authenticate("Bearer " + token); // the parser's own clock has not moved: it accepts it again
        assertThat(parser.parsed).isEqualTo(2);
    }

    @Test
    void aKeptToken_isVerifiedAgain_afterTheReusePeriod_evenBeforeItsExpiry() {
        String token = token(keys, "officer-1", COUNTY, 3000);
        authenticator.authenticate("Bearer " + token);

        clock.move(Duration.ofSeconds(JwtAuthenticator.VERIFIED_REUSE_SECONDS - 1));
        authenticator.authenticate("Bearer " + token);
        assertThat(parser.parsed).isEqualTo(1);

        clock.move(Duration.ofSeconds(1));
        authenticator.authenticate("Bearer " + token);
        assertThat(parser.parsed).isEqualTo(2);
    }

    @Test
    void aForgedToken_isRefusedEveryTime_andVerifiedEveryTime() {
        String forged = token(otherKeys, "officer-1", COUNTY, 600);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authenticator.authenticate("Bearer " + forged))
                    .isInstanceOf(ApiException.class).hasMessageContaining("not valid");
        }
        assertThat(parser.parsed).isEqualTo(3);
    }

    @Test
    void aTokenForACountyNotServed_isRefusedEveryTime() {
        String elsewhere = token(keys, "officer-1", "110101", 600);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticator.authenticate("Bearer " + elsewhere))
                    .isInstanceOf(ApiException.class).hasMessageContaining("does not serve");
        }
        assertThat(parser.parsed).isEqualTo(2);
    }

    @Test
    void aKeptToken_withItsSignatureAltered_isNotTakenOnTheKeptOne() {
        String token = token(keys, "officer-1", COUNTY, 600);
        authenticator.authenticate("Bearer " + token);
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BA" : "AA");

        assertThatThrownBy(() -> authenticator.authenticate("Bearer " + altered)).isInstanceOf(ApiException.class);
        assertThat(parser.parsed).isEqualTo(2);
    }

    private static String token(KeyPair signer, String subject, String county, long seconds) {
        return SignedTokens.of(signer, subject, county, "officer", seconds);
    }

    /** The real parser, counting the tokens it was asked to verify. */
    private static final class CountingParser implements JWTParser {
        private final JWTParser delegate;
        int parsed;

        CountingParser(JWTParser delegate) {
            this.delegate = delegate;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            parsed++;
            return delegate.parse(token);
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
            parsed++;
            return delegate.parse(token, context);
        }

        @Override
        public JsonWebToken verify(String token, java.security.PublicKey key) throws ParseException {
            parsed++;
            return delegate.verify(token, key);
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) throws ParseException {
            parsed++;
            return delegate.verify(token, key);
        }

        @Override
        public JsonWebToken verify(String token, String secret) throws ParseException {
            parsed++;
            return delegate.verify(token, secret);
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) throws ParseException {
            parsed++;
            return delegate.decrypt(token, secret);
        }

        @Override
        public JsonWebToken parseOnly(String token) throws ParseException {
            parsed++;
            return delegate.parseOnly(token);
        }

        @Override
        public JsonWebToken decrypt(String token, java.security.PrivateKey key) throws ParseException {
            parsed++;
            return delegate.decrypt(token, key);
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
            parsed++;
            return delegate.decrypt(token, key);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
